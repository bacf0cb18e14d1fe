package org.footdrop.auth.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        // when more names than it tracks fail once each
        for (int i = 0; i <= LoginThrottle.MAX_TRACKED_NAMES; i++) {
            throttle.failed("guess-" + i);
        }

        // then the oldest was forgotten: two more failures of it do not lock it
        throttle.failed("guess-0");
        throttle.failed("guess-0");
        assertThat(throttle.lockedFor("guess-0")).isEmpty();
    }

    @Test
    void shouldKeepALockWhenOtherNamesFillTheTable() {
        // given a locked name
        throttle.failed("dr-grey");
        throttle.failed("dr-grey");
        throttle.failed("dr-grey");

        // when as many other names as the table holds fail once each
        for (int i = 0; i <= LoginThrottle.MAX_TRACKED_NAMES; i++) {
            throttle.failed("guess-" + i);
        }

        // then the lock holds: filling the table cannot flush it
        assertThat(throttle.lockedFor("dr-grey")).isPresent();
    }

    @Test
    void shouldForgetEvenLockedNamesPastTheHardCap() {
        // when more names than it ever tracks are locked
        for (int i = 0; i <= LoginThrottle.MAX_TRACKED_AT_ALL; i++) {
            throttle.failed("guess-" + i);
            throttle.failed("guess-" + i);
            throttle.failed("guess-" + i);
        }

        // then memory stays bounded: the oldest lock is gone, the newest holds
        assertThat(throttle.lockedFor("guess-0")).isEmpty();
        assertThat(throttle.lockedFor("guess-" + LoginThrottle.MAX_TRACKED_AT_ALL))
                .isPresent();
    }

    @Test
    void shouldAdmitNoMoreChecksAtOnceThanFailuresAreLeft() throws Exception {
        // given one failure already: two more would lock the name
        throttle.failed("dr-grey");

        // when fifty checks of it arrive at once
        int attempts = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<LoginThrottle.Admission>> admitted = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            admitted.add(pool.submit(() -> {
                start.await();
                return throttle.admit("dr-grey");
            }));
        }
        start.countDown();
        long checked = 0;
        for (Future<LoginThrottle.Admission> each : admitted) {
            checked += each.get() == LoginThrottle.Admission.ADMITTED ? 1 : 0;
        }
        pool.shutdown();

        // then only as many are checked as one at a time would have been before the lock
        assertThat(checked).isEqualTo(2);
        // and once they have failed the name is locked, every other attempt refused
        throttle.failed("dr-grey");
        throttle.failed("dr-grey");
        assertThat(throttle.lockedFor("dr-grey")).isPresent();
        assertThat(throttle.admit("dr-grey")).isEqualTo(LoginThrottle.Admission.LOCKED);
    }

    @Test
    void shouldAdmitOneCheckAtATimeAfterALockHasRunOut() {
        // given a lock that has run out
        throttle.failed("dr-grey");
        throttle.failed("dr-grey");
        throttle.failed("dr-grey");
        clock.move(Duration.ofSeconds(30));

        // then one check at a time, since its failure locks the name again
        assertThat(throttle.admit("dr-grey")).isEqualTo(LoginThrottle.Admission.ADMITTED);
        // a second at the same moment is told the first is under way, not that the name is locked
        assertThat(throttle.admit("dr-grey")).isEqualTo(LoginThrottle.Admission.BUSY);
        assertThat(throttle.lockedFor("dr-grey")).isEmpty();
        throttle.released("dr-grey");
        assertThat(throttle.admit("dr-grey")).isEqualTo(LoginThrottle.Admission.ADMITTED);
    }
}
