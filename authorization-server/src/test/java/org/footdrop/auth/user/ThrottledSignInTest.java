package org.footdrop.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.footdrop.auth.AuthProperties;
import org.footdrop.support.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The sign-in form's password check behind the throttle: every check admitted is ended, however it ends. */
class ThrottledSignInTest {

    private static final AuthProperties.Login SETTINGS =
            new AuthProperties.Login(3, Duration.ofSeconds(30), Duration.ofMinutes(2));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, SETTINGS);
    private final AtomicBoolean storeFails = new AtomicBoolean();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

    /** bcrypt, or a failure of the check itself when {@link #storeFails} says so. */
    private final PasswordEncoder encoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            if (storeFails.get()) {
                throw new StackOverflowError("the check itself went wrong");
            }
            return bcrypt.matches(raw, encoded);
        }
    };

    private final ThrottledSignIn signIn = new ThrottledSignIn(
            UserAccounts.from(
                    new AuthProperties(
                            clients(),
                            List.of("intake-service"),
                            Duration.ofMinutes(5),
                            null,
                            Map.of("dr-grey", new AuthProperties.User("right-password", null, "clinician")),
                            null,
                            null),
                    encoder),
            encoder,
            throttle,
            new SimpleMeterRegistry());

    @Test
    void shouldEndACheckThatWentWrongSoThatTheNameIsNotStuck() {
        // given a name locked once and free again: one check at a time
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("dr-grey", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        clock.move(Duration.ofSeconds(30));

        // when a check goes wrong in a way that is no failed password (an Error, even)
        storeFails.set(true);
        assertThatThrownBy(() -> signIn.authenticate(attempt("dr-grey", "right-password")))
                .isInstanceOf(StackOverflowError.class);
        storeFails.set(false);

        // then the next check is admitted, and the right password signs in
        assertThat(signIn.authenticate(attempt("dr-grey", "right-password")).isAuthenticated())
                .isTrue();
    }

    @Test
    void shouldSayASecondSignInAtTheSameMomentIsBusyNotLocked() {
        // given a name locked once and free again, with one check of it under way (the first click)
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("dr-grey", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        clock.move(Duration.ofSeconds(30));
        assertThat(throttle.admit("dr-grey")).isEqualTo(LoginThrottle.Admission.ADMITTED);

        // then the second click is refused as busy, not as locked
        assertThatThrownBy(() -> signIn.authenticate(attempt("dr-grey", "right-password")))
                .isInstanceOf(SignInBusyException.class);

        // and once the first has ended, the right password signs in
        throttle.released("dr-grey");
        assertThat(signIn.authenticate(attempt("dr-grey", "right-password")).isAuthenticated())
                .isTrue();
    }

    @Test
    void shouldRefuseANameNoUserCanHaveWithoutTrackingIt() {
        // when a name far longer than any user's is tried, again and again
        String huge = "x".repeat(100_000);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt(huge, "wrong")))
                    .isInstanceOf(BadCredentialsException.class)
                    .isNotInstanceOf(LockedException.class);
        }

        // then it was never counted (it would have been locked after three), and costs no memory
        assertThat(throttle.lockedFor(huge)).isEmpty();
        assertThat(throttle.admit(huge)).isEqualTo(LoginThrottle.Admission.ADMITTED);
    }

    private static Map<String, AuthProperties.Client> clients() {
        Map<String, AuthProperties.Client> clients = new HashMap<>();
        AuthProperties.ROLES.forEach(role -> clients.put(role, new AuthProperties.Client(role + "-local-secret")));
        return clients;
    }

    private static UsernamePasswordAuthenticationToken attempt(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
