package org.tongban.identity;

import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.tongban.web.ProblemException;
import org.tongban.web.ProblemType;

/** Resolves the person behind the current request, for any module's controllers. */
@Component
public class CurrentPerson {

    public Optional<Person> find() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The signed-in person; answers 401 when there is none. */
    public Person require() {
        return find().orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.UNAUTHORIZED,
                ProblemType.UNAUTHENTICATED));
    }

    public static Optional<Person> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Map<String, Object> claims = null;
        if (authentication instanceof JwtAuthenticationToken jwt) {
            claims = jwt.getToken().getClaims();
        } else if (authentication.getPrincipal() instanceof OidcUser oidc) {
            claims = oidc.getClaims();
        }
        return Optional.ofNullable(claims).map(Person::fromClaims);
    }
}
