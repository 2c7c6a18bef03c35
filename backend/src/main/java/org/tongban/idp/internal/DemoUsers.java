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
 * The realm file's users, with passwords hashed at start-up, and a brute-force rule like the realm's:
 * after {@value #FAILURE_FACTOR} wrong passwords in a row an account is locked for a minute, and each
 * further lockout doubles the wait, up to {@link #MAX_LOCK} (15 minutes). A successful sign-in forgives
 * everything; so does {@link #FORGET_AFTER} (12 hours, the realm's {@code maxDeltaTimeSeconds}) without a failure.
 * Failures are counted only for the realm's own users, and stale entries are pruned as new failures arrive,
 * so guessing at invented user names cannot grow the memory.
 */
class DemoUsers {

    static final int FAILURE_FACTOR = 5;
    static final Duration LOCK = Duration.ofSeconds(60);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(12);

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
                    if (users.containsKey(username)) {
                        prune(now);
                        failures.compute(username, (name, previous) -> failed(previous, now));
                    }
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    static Failures failed(Failures previous, Instant now) {
        Failures current = previous == null || !now.isBefore(previous.lastFailure().plus(FORGET_AFTER))
                ? new Failures(0, null, 0, now) : previous;
        // a lock that has run out starts a new round of attempts; the number of lockouts so far is kept
        int count = (current.lockedUntil() != null ? 0 : current.count()) + 1;
        if (count < FAILURE_FACTOR) {
            return new Failures(count, null, current.lockouts(), now);
        }
        return new Failures(count, now.plus(lockFor(current.lockouts() + 1)), current.lockouts() + 1, now);
    }

    /** 60 s for the first lockout, doubling with each further one, at most 15 minutes. */
    static Duration lockFor(int lockout) {
        Duration lock = LOCK.multipliedBy(1L << Math.min(lockout - 1, 20));
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }

    private void prune(Instant now) {
        failures.values().removeIf(f -> !now.isBefore(f.lastFailure().plus(FORGET_AFTER))
                && (f.lockedUntil() == null || !now.isBefore(f.lockedUntil())));
    }

    int trackedAccounts() {
        return failures.size();
    }

    record Failures(int count, Instant lockedUntil, int lockouts, Instant lastFailure) {
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
