package org.footdrop.auth.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.footdrop.auth.AuthProperties;

/**
 * Counts consecutive failed sign-ins per user name, known or not (so a lock says nothing about
 * whether a name exists). From the {@code maxFailures}-th failure on, the name is locked: every
 * attempt is refused without checking the password, the right one included, until the lock ends.
 * Each failure after a lock doubles the next one, up to {@code maxLock}; a success clears the name.
 */
final class LoginThrottle {

    /** Names tracked at most; beyond it the longest-untouched go first, so guessing names cannot fill the heap. */
    static final int MAX_TRACKED_NAMES = 10_000;

    private final Clock clock;
    private final AuthProperties.Login settings;
    // Access order: a name's entry moves to the end whenever it is touched. Guarded by itself.
    private final Map<String, State> states = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_TRACKED_NAMES;
        }
    };

    LoginThrottle(Clock clock, AuthProperties.Login settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** How much longer the name stays locked, if it is. */
    Optional<Duration> lockedFor(String name) {
        Instant now = clock.instant();
        synchronized (states) {
            State state = states.get(key(name));
            if (state == null
                    || state.lockedUntil() == null
                    || !state.lockedUntil().isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, state.lockedUntil()));
        }
    }

    /** Records a failed password check; returns the lock it starts, if it starts one. */
    Optional<Duration> failed(String name) {
        Instant now = clock.instant();
        synchronized (states) {
            State previous = states.getOrDefault(key(name), new State(0, null));
            int failures = previous.failures() + 1;
            if (failures < settings.maxFailures()) {
                states.put(key(name), new State(failures, null));
                return Optional.empty();
            }
            Duration lock = lockAfter(failures);
            states.put(key(name), new State(failures, now.plus(lock)));
            return Optional.of(lock);
        }
    }

    void succeeded(String name) {
        synchronized (states) {
            states.remove(key(name));
        }
    }

    /** lock, 2 x lock, 4 x lock, ... for the maxFailures-th failure and each one after it, capped at maxLock. */
    Duration lockAfter(int failures) {
        int doublings = Math.min(failures - settings.maxFailures(), 30);
        Duration lock = settings.lock().multipliedBy(1L << doublings);
        return lock.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : lock;
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private record State(int failures, Instant lockedUntil) {}
}
