package org.tongban.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.tongban.web.ProblemType;
import org.tongban.web.Problems;

/**
 * 401 as a problem. For bearer-token failures the resource server's entry point first sets the
 * {@code WWW-Authenticate} header (RFC 6750), then the problem body is written.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final Problems problems;
    private final AuthenticationEntryPoint headers;

    ProblemAuthenticationEntryPoint(Problems problems, AuthenticationEntryPoint headers) {
        this.problems = problems;
        this.headers = headers;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (headers != null) {
            headers.commence(request, response, e);
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED);
    }
}
