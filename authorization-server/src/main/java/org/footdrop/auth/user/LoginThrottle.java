package org.footdrop.auth.user;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * A password check is admitted ({@link #admit}) only while the failures so far and the checks under
 * way stay below {@code maxFailures}: posted all at once, no more guesses are checked than one at a
 * time would have been.
 */
final class LoginThrottle {

    /**
     * Names with failures but no lock tracked at most; beyond it the longest-untouched are forgotten. Many,
     * since forgetting a name's failures is what a guesser would buy with failures at other names: each
     * costs a password check, and this many of them take far longer than the locks they would avoid.
     */
    static final int MAX_TRACKED_NAMES = 50_000;

    /**
     * Names that have been locked, tracked apart, so that guessing other names cannot flush a lock: only
     * this many more locks, each costing {@code maxFailures} failures, push the oldest out.
     */
    static final int MAX_TRACKED_AT_ALL = 40_000;

    private final Clock clock;
    private final AuthProperties.Login settings;
    // Both guarded by the throttle. Access order: a name's entry moves to the end whenever it is touched.
    private final Map<Long, State> counting = bounded(MAX_TRACKED_NAMES);
    private final Map<Long, State> locked = bounded(MAX_TRACKED_AT_ALL);

    LoginThrottle(Clock clock, AuthProperties.Login settings) {
        this.clock = clock;
        this.settings = settings;
    }

    private static Map<Long, State> bounded(int names) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, State> eldest) {
                return size() > names;
            }
        };
    }

    /** How much longer the name stays locked, if it is. */
    synchronized Optional<Duration> lockedFor(String name) {
        Instant now = clock.instant();
        State state = state(key(name));
        if (!state.lockedAt(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, state.lockedUntil()));
    }

    /** Whether a password check may go ahead, and if not, why. */
    enum Admission {
        ADMITTED,
        /** The name is locked. */
        LOCKED,
        /** Not locked, but the checks under way could reach the lock: a second click, or guesses at once. */
        BUSY
    }

    /**
     * Whether a password check of the name may go ahead now: not while it is locked, nor while the
     * checks under way could already reach the lock. An admitted check ends with {@link #succeeded},
     * {@link #failed} or {@link #released}.
     */
    synchronized Admission admit(String name) {
        Instant now = clock.instant();
        long key = key(name);
        State state = state(key);
        if (state.lockedAt(now)) {
            return Admission.LOCKED;
        }
        // before the first lock, as many checks as failures are left; after a lock, one at a time
        int room = state.locked() ? 1 : settings.maxFailures() - state.failures();
        if (state.checking() >= room) {
            return Admission.BUSY;
        }
        put(key, state.withChecking(state.checking() + 1));
        return Admission.ADMITTED;
    }

    /** Records a failed password check; returns the lock it starts, if it starts one. */
    synchronized Optional<Duration> failed(String name) {
        Instant now = clock.instant();
        long key = key(name);
        State previous = state(key);
        int failures = previous.failures() + 1;
        int checking = Math.max(0, previous.checking() - 1);
        if (failures < settings.maxFailures()) {
            put(key, new State(failures, null, checking));
            return Optional.empty();
        }
        Duration lock = lockAfter(failures);
        put(key, new State(failures, now.plus(lock), checking));
        return Optional.of(lock);
    }

    synchronized void succeeded(String name) {
        counting.remove(key(name));
        locked.remove(key(name));
    }

    /** An admitted check that ended in neither success nor failure (the store of users failed, say). */
    synchronized void released(String name) {
        long key = key(name);
        State state = state(key);
        if (state.checking() > 0) {
            put(key, state.withChecking(state.checking() - 1));
        }
    }

    /** lock, 2 x lock, 4 x lock, ... for the maxFailures-th failure and each one after it, capped at maxLock. */
    Duration lockAfter(int failures) {
        int doublings = Math.min(failures - settings.maxFailures(), 30);
        Duration lock = settings.lock().multipliedBy(1L << doublings);
        return lock.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : lock;
    }

    private State state(long key) {
        State state = locked.get(key);
        return state != null ? state : counting.getOrDefault(key, State.NONE);
    }

    /** A name once locked is tracked with the locks from then on (its failures set the next lock). */
    private void put(long key, State state) {
        if (state.locked()) {
            counting.remove(key);
            locked.put(key, state);
        } else {
            counting.put(key, state);
        }
    }

    /**
     * The name as tracked: stripped, in lower case, hashed to 64 bits (a few dozen bytes a name however
     * long it was typed; two names sharing a hash would share a count, which a guesser cannot choose).
     */
    private static long key(String name) {
        String normal = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** @param checking password checks of the name under way */
    private record State(int failures, Instant lockedUntil, int checking) {

        static final State NONE = new State(0, null, 0);

        boolean locked() {
            return lockedUntil != null;
        }

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        State withChecking(int checking) {
            return new State(failures, lockedUntil, checking);
        }
    }
}
