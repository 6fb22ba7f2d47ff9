package se.omsorgsnav.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;

/** What every page's header needs: who is logged in. */
@ControllerAdvice
class LayoutModel {

    private final CurrentUsers users;

    LayoutModel(CurrentUsers users) {
        this.users = users;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        return users.find().orElse(null);
    }
}
