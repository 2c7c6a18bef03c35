package org.tongban.workflow.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * One thing wrong with a definition file, said so a department admin can fix it: the file, the
 * place (a JSON pointer such as {@code /workflow/steps/review/next}, and the line when known),
 * what is wrong and how to fix it. The texts live in the message bundle under
 * {@code workflow.validation.<code>} and {@code workflow.validation.<code>.hint}.
 */
public record DefinitionProblem(String file, String path, Integer line, Severity severity, String code,
        List<String> args) {

    public enum Severity { ERROR, WARNING }

    public String message(MessageSource messages, Locale locale) {
        return messages.getMessage("workflow.validation." + code, args.toArray(), code + " " + args, locale);
    }

    public String hint(MessageSource messages, Locale locale) {
        return messages.getMessage("workflow.validation." + code + ".hint", args.toArray(), "", locale);
    }

    /** {@code file:line: path: message (hint)}, as the validation command prints it. */
    public String describe(MessageSource messages, Locale locale) {
        String where = file + (line != null ? ":" + line : "") + ": " + (path.isEmpty() ? "/" : path);
        String hint = hint(messages, locale);
        return (severity == Severity.WARNING ? "warning: " : "") + where + ": " + message(messages, locale)
                + (hint.isBlank() ? "" : " — " + hint);
    }
}
