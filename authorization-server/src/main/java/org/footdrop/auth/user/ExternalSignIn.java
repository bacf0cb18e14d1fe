package org.footdrop.auth.user;

/**
 * Another way to sign in that the sign-in page offers beside its form: a link, "Sign in with {label}".
 *
 * @param label what the person knows it by, e.g. the clinic's single sign-on
 * @param path where the link goes on this server
 */
public record ExternalSignIn(String label, String path) {

    /** The sign-in page's query parameter after the person was signed in there but has no role here. */
    public static final String REFUSED = "sso-refused";

    /** The sign-in page's query parameter after signing in there did not work (an error, a cancel). */
    public static final String FAILED = "sso-failed";
}
