package org.tongban.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.tongban.shared.Localizable;
import org.tongban.shared.ProblemCode;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds and writes RFC 9457 problem details with localized texts. Used by controllers (through
 * exceptions) and by security filters, which answer before any controller runs.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    Problems(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    public ProblemDetail create(HttpStatusCode status, ProblemType type, Locale locale, Object... detailArgs) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type.uri());
        problem.setTitle(messages.getMessage(type.messageKey() + ".title", null, type.name(), locale));
        problem.setDetail(messages.getMessage(type.messageKey() + ".detail", detailArgs, null, locale));
        return problem;
    }

    public ProblemDetail create(HttpStatusCode status, ProblemType type, Object... detailArgs) {
        return create(status, type, LocaleContextHolder.getLocale(), detailArgs);
    }

    /** A problem for a module's domain code: type {@code urn:tongban:problem:<slug>}, texts from the bundle. */
    public ProblemDetail create(HttpStatusCode status, ProblemCode code, Object... detailArgs) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(java.net.URI.create("urn:tongban:problem:" + code.slug()));
        problem.setTitle(messages.getMessage("problem." + code.slug() + ".title", null, code.slug(), locale));
        Object[] args = java.util.Arrays.stream(detailArgs)
                .map(arg -> arg instanceof Localizable text ? text.in(locale) : arg).toArray();
        problem.setDetail(messages.getMessage("problem." + code.slug() + ".detail", args, null, locale));
        return problem;
    }

    /** Writes a problem straight to the response: for filters, outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
            ProblemType type, Object... detailArgs) throws IOException {
        ProblemDetail problem = create(status, type, localeResolver.resolveLocale(request), detailArgs);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
        response.getWriter().flush();
    }
}
