package org.tongban.idp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class DemoUsersTest {

    private final MutableClock clock = new MutableClock();
    private final RealmFile realm = new RealmFile("tongban", List.of(new RealmFile.DemoUser("s1", "zhangsan", "right-pw",
            "三", "张", "z@example.org", List.of("citizen"), List.of(), List.of(), Map.of())), Map.of());
    private final DemoUsers users = new DemoUsers(realm, new BCryptPasswordEncoder(4), clock);
    private final AuthenticationProvider login = users.authenticationProvider();

    @Test
    void locksAnAccountAfterFiveWrongPasswordsForOneMinute() {
        for (int i = 0; i < DemoUsers.FAILURE_FACTOR; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login.authenticate(attempt("right-pw"))).isInstanceOf(LockedException.class);

        clock.advance(DemoUsers.LOCK.plusSeconds(1));
        assertThat(login.authenticate(attempt("right-pw")).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulSignInForgivesEarlierMistakes() {
        for (int i = 0; i < DemoUsers.FAILURE_FACTOR - 1; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(login.authenticate(attempt("right-pw")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(login.authenticate(attempt("right-pw")).isAuthenticated()).isTrue();
    }

    @Test
    void unknownUsersAreRefusedLikeWrongPasswords() {
        assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "x")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void eachFurtherLockoutDoublesTheWaitUpToFifteenMinutes() {
        List<Duration> expected = List.of(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofSeconds(480), Duration.ofMinutes(15), Duration.ofMinutes(15));
        for (Duration lock : expected) {
            for (int i = 0; i < DemoUsers.FAILURE_FACTOR; i++) {
                assertThatThrownBy(() -> login.authenticate(attempt("wrong")))
                        .isInstanceOf(BadCredentialsException.class);
            }
            clock.advance(lock.minusSeconds(1));
            assertThatThrownBy(() -> login.authenticate(attempt("right-pw"))).as("locked for %s", lock)
                    .isInstanceOf(LockedException.class);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(login.authenticate(attempt("right-pw")).isAuthenticated()).isTrue();
        // which forgives everything: the next lockout is a minute again
        for (int i = 0; i < DemoUsers.FAILURE_FACTOR; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        clock.advance(DemoUsers.LOCK);
        assertThat(login.authenticate(attempt("right-pw")).isAuthenticated()).isTrue();
    }

    @Test
    void theLockDurationsGrowAndAreCapped() {
        assertThat(DemoUsers.lockFor(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(DemoUsers.lockFor(2)).isEqualTo(Duration.ofSeconds(120));
        assertThat(DemoUsers.lockFor(4)).isEqualTo(Duration.ofSeconds(480));
        assertThat(DemoUsers.lockFor(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(DemoUsers.lockFor(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void inventedUserNamesAreNotRememberedAndOldFailuresAreForgotten() {
        for (int i = 0; i < 1000; i++) {
            String name = "invented-" + i;
            assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, "x")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(users.trackedAccounts()).isZero();

        assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(users.trackedAccounts()).isOne();
        clock.advance(DemoUsers.FORGET_AFTER.plusSeconds(1));
        assertThatThrownBy(() -> login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("zhangsan2", "x")))
                .isInstanceOf(BadCredentialsException.class);
        // the next failure of anyone prunes it; the stale entry counts no more either
        assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(users.trackedAccounts()).isOne();
        for (int i = 0; i < DemoUsers.FAILURE_FACTOR - 2; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(login.authenticate(attempt("right-pw")).isAuthenticated()).as("4 failures since the reset").isTrue();
    }

    private static UsernamePasswordAuthenticationToken attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("zhangsan", password);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
