package org.footdrop.webapp;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The start page (what the person's role may open) and the page a refused request answers. */
@Controller
class PagesController {

    @GetMapping("/")
    String home(Authentication person, Model model) {
        List<String> roles = person.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        model.addAttribute("roles", roles);
        return "home";
    }

    @GetMapping("/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "forbidden";
    }

    /** A form sent with a CSRF token its session does not know: nothing was done. */
    @RequestMapping("/form-expired")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String formExpired() {
        return "form-expired";
    }
}
