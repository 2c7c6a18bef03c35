package org.tongban.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The CSRF token lives in the session (so it is bound to it: a cookie an attacker planted, with a matching
 * header, proves nothing); the SPA reads a copy in the script-readable {@value #COOKIE} cookie and echoes it
 * in {@code X-XSRF-TOKEN}. Every response of a session makes sure the copy matches the session's token.
 * Without a session nothing is written: an anonymous visitor has nothing to protect and gets no session.
 */
class CsrfCookieFilter extends OncePerRequestFilter {

    static final String COOKIE = "XSRF-TOKEN";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null && request.getSession(false) != null) {
            String value = token.getToken();
            if (!value.equals(cookie(request))) {
                response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value).path("/")
                        .secure(request.isSecure()).sameSite("Lax").httpOnly(false).build().toString());
            }
        }
        chain.doFilter(request, response);
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
