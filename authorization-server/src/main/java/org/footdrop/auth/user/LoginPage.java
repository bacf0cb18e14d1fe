package org.footdrop.auth.user;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form, rendered here without a template engine: no script and no inline style, so the
 * page runs under a Content-Security-Policy of {@code default-src 'none'}. The form posts to
 * {@code /login} with the CSRF token; Spring Security's form login checks it (through
 * {@link ThrottledSignIn}) and returns the browser to the authorization request that sent it here.
 */
@Controller
final class LoginPage {

    static final String PATH = "/login";

    private final ExternalSignIn singleSignOn;

    LoginPage(ObjectProvider<ExternalSignIn> singleSignOn) {
        this.singleSignOn = singleSignOn.getIfAvailable();
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request) {
        String message = null;
        if (request.getParameter("locked") != null) {
            message = "Too many failed sign-ins for this user name. Wait a few minutes, then try again.";
        } else if (request.getParameter("busy") != null) {
            message = "A sign-in with this user name was still being checked (pressed twice?). Try again.";
        } else if (request.getParameter("error") != null) {
            message = "Wrong user name or password.";
        } else if (singleSignOn != null && request.getParameter(ExternalSignIn.REFUSED) != null) {
            message = "You signed in with " + singleSignOn.label() + ", but your account there gives you no role"
                    + " in Foot Drop Outcomes, or more than one. Ask your administrator for one role.";
        } else if (singleSignOn != null && request.getParameter(ExternalSignIn.FAILED) != null) {
            message = "Signing in with " + singleSignOn.label() + " did not work. Try again, or sign in with"
                    + " your user name and password.";
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Sign in - Foot Drop Outcomes</title>\n</head>\n<body>\n<main>\n")
                .append("<h1>Foot Drop Outcomes</h1>\n<h2>Sign in</h2>\n");
        if (message != null) {
            html.append("<p role=\"alert\">")
                    .append(HtmlUtils.htmlEscape(message))
                    .append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"")
                .append(HtmlUtils.htmlEscape(request.getContextPath() + PATH))
                .append("\">\n<p><label for=\"username\">User name</label><br>\n")
                .append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>"
                        + "</p>\n")
                .append("<p><label for=\"password\">Password</label><br>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                        + " required></p>\n");
        if (csrf != null) {
            html.append("<input type=\"hidden\" name=\"")
                    .append(HtmlUtils.htmlEscape(csrf.getParameterName()))
                    .append("\" value=\"")
                    .append(HtmlUtils.htmlEscape(csrf.getToken()))
                    .append("\">\n");
        }
        html.append("<p><button type=\"submit\">Sign in</button></p>\n</form>\n");
        if (singleSignOn != null) {
            html.append("<p><a id=\"single-sign-on\" href=\"")
                    .append(HtmlUtils.htmlEscape(request.getContextPath() + singleSignOn.path()))
                    .append("\">Sign in with ")
                    .append(HtmlUtils.htmlEscape(singleSignOn.label()))
                    .append("</a></p>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }
}
