package org.tongban.idp.internal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The embedded provider's sign-in page. Plain, accessible HTML in the visitor's language; it posts
 * {@code username} and {@code password} like Keycloak's form does.
 */
@RestController
@ConditionalOnProperty(name = "tongban.identity.provider", havingValue = "embedded", matchIfMissing = true)
class LoginPageController {

    /** The page's only style sheet; the Content-Security-Policy allows exactly this one by its hash. */
    static final String STYLE = """
                  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f0f2f5;
                         color: #1f1f1f; margin: 0; }
                  main { max-width: 380px; margin: 8vh auto; background: #fff; padding: 32px; border-radius: 8px;
                         box-shadow: 0 1px 4px rgba(0,0,0,.12); }
                  h1 { font-size: 22px; margin: 0 0 4px; color: #a8071a; }
                  p.note { margin: 0 0 24px; color: #434343; font-size: 14px; }
                  label { display: block; font-weight: 600; margin: 16px 0 6px; }
                  input { width: 100%; box-sizing: border-box; padding: 10px; font-size: 16px; border: 1px solid #8c8c8c;
                          border-radius: 4px; }
                  input:focus, button:focus { outline: 3px solid #1677ff; outline-offset: 1px; }
                  button { margin-top: 24px; width: 100%; padding: 10px; font-size: 16px; background: #a8071a;
                           color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
                  .error { background: #fff1f0; border: 1px solid #cf1322; color: #820014; padding: 10px;
                           border-radius: 4px; margin-bottom: 8px; }
            """;

    /** {@code 'sha256-…'} of {@link #STYLE}, for the page's Content-Security-Policy. */
    static final String STYLE_HASH = "'sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(STYLE)) + "'";

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final LocaleResolver locales;

    LoginPageController(LocaleResolver locales) {
        this.locales = locales;
    }

    @GetMapping(value = EmbeddedIdentityProviderConfiguration.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    String loginPage(HttpServletRequest request) {
        boolean english = Locale.ENGLISH.getLanguage().equals(locales.resolveLocale(request).getLanguage());
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        boolean failed = request.getParameter("error") != null;
        Text t = english ? Text.EN : Text.ZH;
        String error = failed ? """
                <div class="error" role="alert" id="login-error">%s</div>""".formatted(htmlEscape(t.error)) : "";
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                  <h1>%s</h1>
                  <p class="note">%s</p>
                  %s
                  <form method="post" action="%s">
                    <label for="username">%s</label>
                    <input id="username" name="username" autocomplete="username" required autofocus>
                    <label for="password">%s</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">
                    <button type="submit" id="kc-login">%s</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(t.lang, htmlEscape(t.title), STYLE, htmlEscape(t.title), htmlEscape(t.note), error,
                EmbeddedIdentityProviderConfiguration.LOGIN_PAGE, htmlEscape(t.username), htmlEscape(t.password),
                htmlEscape(csrf.getParameterName()), htmlEscape(csrf.getToken()), htmlEscape(t.submit));
    }

    private enum Text {
        ZH("zh-CN", "通办 · 统一身份认证", "演示身份提供方：仅用于演示和开发，账号见 README。", "用户名", "密码", "登录",
                "用户名或密码不正确，或账号因多次输错已被暂时锁定。"),
        EN("en", "Tongban · Sign in", "Demo identity provider, for demonstration and development only; "
                + "see the README for the accounts.", "Username", "Password", "Sign in",
                "Wrong username or password, or the account is temporarily locked after repeated failures.");

        final String lang;
        final String title;
        final String note;
        final String username;
        final String password;
        final String submit;
        final String error;

        Text(String lang, String title, String note, String username, String password, String submit, String error) {
            this.lang = lang;
            this.title = title;
            this.note = note;
            this.username = username;
            this.password = password;
            this.submit = submit;
            this.error = error;
        }
    }
}
