package org.tongban.idp.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The realm file's users, with passwords hashed at start-up, and the same brute-force rule as the
 * realm: after {@value #FAILURE_FACTOR} wrong passwords in a row an account is locked for a minute.
 */
class DemoUsers {

    static final int FAILURE_FACTOR = 5;
    static final Duration LOCK = Duration.ofSeconds(60);

    private final Map<String, DemoUserDetails> users;
    private final PasswordEncoder passwords;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    DemoUsers(RealmFile realm, PasswordEncoder passwords) {
        this(realm, passwords, Clock.systemUTC());
    }

    DemoUsers(RealmFile realm, PasswordEncoder passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
        this.users = realm.users().stream().filter(user -> user.password() != null)
                .map(user -> new DemoUserDetails(user, passwords.encode(user.password())))
                .collect(Collectors.toUnmodifiableMap(DemoUserDetails::getUsername, Function.identity()));
    }

    Optional<DemoUserDetails> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    Collection<DemoUserDetails> all() {
        return users.values();
    }

    AuthenticationProvider authenticationProvider() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(
                username -> find(username).orElseThrow(() -> new UsernameNotFoundException(username)));
        dao.setPasswordEncoder(passwords);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String username = authentication.getName();
                Failures current = failures.get(username);
                Instant now = clock.instant();
                if (current != null && current.lockedUntil() != null && now.isBefore(current.lockedUntil())) {
                    throw new LockedException("temporarily locked after repeated wrong passwords");
                }
                try {
                    Authentication result = dao.authenticate(authentication);
                    failures.remove(username);
                    return result;
                } catch (BadCredentialsException e) {
                    failures.compute(username, (name, previous) -> {
                        int count = (previous == null || previous.lockedUntil() != null ? 0 : previous.count()) + 1;
                        return new Failures(count, count >= FAILURE_FACTOR ? now.plus(LOCK) : null);
                    });
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    /** A realm user as Spring Security sees them. */
    static final class DemoUserDetails implements UserDetails {

        private final RealmFile.DemoUser user;
        private final String passwordHash;

        DemoUserDetails(RealmFile.DemoUser user, String passwordHash) {
            this.user = user;
            this.passwordHash = passwordHash;
        }

        RealmFile.DemoUser user() {
            return user;
        }

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        }

        @Override
        public String getPassword() {
            return passwordHash;
        }

        @Override
        public String getUsername() {
            return user.username();
        }

        List<String> roles() {
            return user.roles();
        }
    }
}
