package org.footdrop.auth.user;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sign-in form's password check, behind the {@link LoginThrottle}: a locked name is refused
 * before its password is looked at. Counts failures in {@code footdrop.auth.login.failures}
 * ({@code reason} = {@code bad_credentials} or {@code locked}) and locks started in
 * {@code footdrop.auth.login.lockouts}.
 */
public final class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Counter badCredentials;
    private final Counter refusedWhileLocked;
    private final Counter lockouts;

    ThrottledSignIn(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, MeterRegistry meters) {
        this.passwords = new DaoAuthenticationProvider(accounts.userDetailsService());
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.badCredentials = Counter.builder("footdrop.auth.login.failures")
                .description("Failed sign-ins on the login form")
                .tag("reason", "bad_credentials")
                .register(meters);
        this.refusedWhileLocked = Counter.builder("footdrop.auth.login.failures")
                .description("Failed sign-ins on the login form")
                .tag("reason", "locked")
                .register(meters);
        this.lockouts = Counter.builder("footdrop.auth.login.lockouts")
                .description("User names locked after repeated failed sign-ins")
                .register(meters);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        if (!throttle.admit(name)) {
            refusedWhileLocked.increment();
            throw new LockedException("Too many failed sign-ins for this user name; try again later");
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            throttle.succeeded(name);
            return signedIn;
        } catch (BadCredentialsException e) {
            badCredentials.increment();
            Optional<Duration> lock = throttle.failed(name);
            if (lock.isPresent()) {
                lockouts.increment();
                // The name someone typed, which may be a mistyped password: never logged.
                log.warn("A user name is locked for {} after repeated failed sign-ins", lock.get());
            }
            throw e;
        } catch (RuntimeException other) {
            throttle.released(name);
            throw other;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
