package org.tongban.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.identity.CurrentPerson;

/**
 * Keeps the person directory current from the claims of every authenticated request: a browser
 * session's ID token or an API client's bearer token (Keycloak's or the embedded provider's, whose
 * claims are the same). Writes only when something changed; see {@link JdbcPeople#remember}.
 */
class PersonDirectoryFilter extends OncePerRequestFilter {

    private final JdbcPeople people;

    PersonDirectoryFilter(JdbcPeople people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentPerson.from(SecurityContextHolder.getContext().getAuthentication()).ifPresent(people::rememberQuietly);
        chain.doFilter(request, response);
    }
}
