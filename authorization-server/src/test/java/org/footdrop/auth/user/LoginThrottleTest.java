package org.footdrop.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.footdrop.auth.AuthProperties;
import org.footdrop.support.testing.MovableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final AuthProperties.Login SETTINGS =
            new AuthProperties.Login(3, Duration.ofSeconds(30), Duration.ofMinutes(2));

    private final MovableClock clock = new MovableClock(T0);
    private final LoginThrottle throttle = new LoginThrottle(clock, SETTINGS);

    @Test
    void shouldLockANameFromTheNthFailureOnAndDoubleTheLockWithEachFailureAfterItUpToTheCap() {
        // given two failures: not locked yet
        throttle.failed("dr-grey");
        throttle.failed("dr-grey");
        assertThat(throttle.lockedFor("dr-grey")).isEmpty();

        // when the third, then one more failure after each lock has run out
        assertThat(throttle.failed("dr-grey")).contains(Duration.ofSeconds(30));
        clock.move(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("dr-grey")).isEmpty();
        assertThat(throttle.failed("dr-grey")).contains(Duration.ofMinutes(1));
        clock.move(Duration.ofSeconds(60));

        // then
        assertThat(throttle.failed("dr-grey")).contains(Duration.ofMinutes(2));
        assertThat(throttle.lockedFor("DR-Grey ")).contains(Duration.ofMinutes(2));
        assertThat(throttle.lockAfter(40)).isEqualTo(Duration.ofMinutes(2));
        assertThat(throttle.lockedFor("n.shah")).isEmpty();
    }

    @Test
    void shouldForgetTheFailuresOfANameThatSignsInSuccessfully() {
        // given
        throttle.failed("dr-grey");
        throttle.failed("dr-grey");

        // when
        throttle.succeeded("dr-grey");

        // then two more failures do not lock it
        throttle.failed("dr-grey");
        assertThat(throttle.failed("dr-grey")).isEmpty();
        assertThat(throttle.lockedFor("dr-grey")).isEmpty();
    }

    @Test
    void shouldTrackABoundedNumberOfNames() {
        // when
        for (int i = 0; i <= LoginThrottle.MAX_TRACKED_NAMES; i++) {
            throttle.failed("guess-" + i);
            throttle.failed("guess-" + i);
            throttle.failed("guess-" + i);
        }

        // then the oldest was dropped, the newest is locked
        assertThat(throttle.lockedFor("guess-0")).isEmpty();
        assertThat(throttle.lockedFor("guess-" + LoginThrottle.MAX_TRACKED_NAMES))
                .isPresent();
    }
}
