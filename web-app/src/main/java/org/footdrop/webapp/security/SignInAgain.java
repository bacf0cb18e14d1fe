package org.footdrop.webapp.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A page whose person's token no longer serves: the authorization server refused to refresh it (its refresh
 * token expired, or the server lost it in a restart), or a service refused it (401). The relay has removed
 * it from the session by then, so opening the page again signs the person in again and brings them back:
 * a page asked for is opened again at once, once a minute at most (a service that keeps refusing fresh
 * tokens would otherwise send the browser round for ever); otherwise the page says so and links to it.
 */
@ControllerAdvice
class SignInAgain {

    private static final Logger log = LoggerFactory.getLogger(SignInAgain.class);

    private static final String RETRIED = SignInAgain.class.getName() + ".retried";
    static final Duration RETRY_AT_MOST_EVERY = Duration.ofMinutes(1);

    /** Spring Security's code when the token endpoint gave no usable answer (unreachable, or an error page). */
    private static final String INVALID_TOKEN_RESPONSE = "invalid_token_response";

    private final ModelAdvice header = new ModelAdvice();

    /**
     * Also a refreshed ID token or access token that could not be checked (its keys unreachable after a
     * rotation, say): the refresh is then lost, and signing in again is the way on.
     */
    @ExceptionHandler({
        ClientAuthorizationException.class,
        HttpClientErrorException.Unauthorized.class,
        OAuth2AuthenticationException.class,
        JwtException.class
    })
    String signInAgain(Exception refused, HttpServletRequest request, HttpServletResponse response, Model model)
            throws Exception {
        if ("XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            // a page's script: answered, never sent to sign in (that would replace the sign-in the person may
            // be doing in another tab)
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return null;
        }
        if (refused instanceof ClientAuthorizationRequiredException) {
            throw refused; // no token yet: Spring Security's redirect filter sends the person to sign in
        }
        if (refused instanceof ClientAuthorizationException failed
                && INVALID_TOKEN_RESPONSE.equals(failed.getError().getErrorCode())) {
            // the token could not be refreshed because the sign-in server did not answer: the token stays,
            // and signing in again would not help until it is back
            log.warn("The sign-in server could not be reached to refresh a token");
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "30");
            model.addAttribute("page", "GET".equals(request.getMethod()) ? pageOf(request) : "/");
            model.addAttribute("unreachable", true);
            header.addTo(model);
            return "sign-in-again";
        }
        String page = pageOf(request);
        String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
        log.info(
                "The person's token no longer serves ({}); signing in again",
                refused.getClass().getSimpleName());
        HttpSession session = request.getSession();
        Instant now = Instant.now();
        if ("GET".equals(request.getMethod()) && !retriedLately(session, path, now)) {
            session.setAttribute(RETRIED, new Retry(path, now));
            return "redirect:" + page;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("page", "GET".equals(request.getMethod()) ? page : "/");
        header.addTo(model); // an exception handler's model gets no @ModelAttribute of the advice
        return "sign-in-again";
    }

    /** The page asked for: this server's own pages only (the firewall refuses other paths before this anyway). */
    private static String pageOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        return path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    /** By path alone: the page signed in again comes back with Spring Security's {@code ?continue}. */
    private static boolean retriedLately(HttpSession session, String path, Instant now) {
        return session.getAttribute(RETRIED) instanceof Retry retry
                && retry.path().equals(path)
                && retry.at().plus(RETRY_AT_MOST_EVERY).isAfter(now);
    }

    private record Retry(String path, Instant at) implements java.io.Serializable {}
}
