package se.omsorgsnav.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import se.omsorgsnav.access.AccessDenied;

/** Login, and the page Spring Security forwards to on a denied URL. */
@Controller
class ShellController {

    private final boolean oidc;

    ShellController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.oidc = registrations.getIfAvailable() != null;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidc", oidc);
        return "login";
    }

    @RequestMapping("/behorighet-saknas")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String accessDenied(Model model) {
        model.addAttribute("title", AccessDenied.MESSAGE);
        model.addAttribute("detail", AccessDenied.MESSAGE);
        return "error/access-denied";
    }
}
