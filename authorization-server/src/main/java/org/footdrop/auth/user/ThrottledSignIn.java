package org.footdrop.auth.user;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.footdrop.auth.AuthProperties;
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
 * ({@code reason} = {@code bad_credentials}, {@code locked}, or {@code busy}: refused while another check of
 * the name could reach the lock) and locks started in
 * {@code footdrop.auth.login.lockouts}.
 */
public final class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Counter badCredentials;
    private final Counter refusedWhileLocked;
    private final Counter refusedWhileBusy;
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
        this.refusedWhileBusy = Counter.builder("footdrop.auth.login.failures")
                .description("Failed sign-ins on the login form")
                .tag("reason", "busy")
                .register(meters);
        this.lockouts = Counter.builder("footdrop.auth.login.lockouts")
                .description("User names locked after repeated failed sign-ins")
                .register(meters);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        if (name == null || !AuthProperties.USER_NAME.matcher(name.strip()).matches()) {
            // no user has such a name (the rule is public): refused without a password check, and never
            // tracked, so that long made-up names cannot fill the throttle's memory
            badCredentials.increment();
            throw new BadCredentialsException("Bad credentials");
        }
        switch (throttle.admit(name)) {
            case LOCKED -> {
                refusedWhileLocked.increment();
                throw new LockedException("Too many failed sign-ins for this user name; try again later");
            }
            case BUSY -> {
                refusedWhileBusy.increment();
                throw new SignInBusyException();
            }
            case ADMITTED -> {
                // on to the password
            }
        }
        boolean ended = false;
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            throttle.succeeded(name);
            ended = true;
            return signedIn;
        } catch (BadCredentialsException e) {
            badCredentials.increment();
            Optional<Duration> lock = throttle.failed(name);
            ended = true;
            if (lock.isPresent()) {
                lockouts.increment();
                // The name someone typed, which may be a mistyped password: never logged.
                log.warn("A user name is locked for {} after repeated failed sign-ins", lock.get());
            }
            throw e;
        } finally {
            if (!ended) {
                throttle.released(name); // whatever else went wrong, the check is over
            }
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
