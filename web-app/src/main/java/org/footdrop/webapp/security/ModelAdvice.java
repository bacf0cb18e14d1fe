package org.footdrop.webapp.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: who is signed in, and which role's pages they may open. */
@ControllerAdvice
class ModelAdvice {

    @ModelAttribute("personName")
    String personName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof OidcUser user ? user.getSubject() : null;
    }

    @ModelAttribute("clinician")
    boolean clinician() {
        return holds(Role.CLINICIAN);
    }

    @ModelAttribute("analyst")
    boolean analyst() {
        return holds(Role.ANALYST);
    }

    @ModelAttribute("admin")
    boolean admin() {
        return holds(Role.ADMIN);
    }

    @ModelAttribute("ops")
    boolean ops() {
        return holds(Role.OPS);
    }

    /** The same, for a page an exception handler draws (Spring MVC gives its model no advice's attributes). */
    void addTo(Model model) {
        model.addAttribute("personName", personName());
        model.addAttribute("clinician", clinician());
        model.addAttribute("analyst", analyst());
        model.addAttribute("admin", admin());
        model.addAttribute("ops", ops());
    }

    private static boolean holds(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
