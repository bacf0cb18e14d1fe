package org.footdrop.auth.user;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused, without a password check, while another check of the same name is under way and
 * could reach the lock (a second click on the form, most often). Not a lock: said apart, so the person is
 * not told to wait minutes.
 */
public final class SignInBusyException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    SignInBusyException() {
        super("Another sign-in for this user name is being checked; try again in a moment");
    }
}
