package se.omsorgsnav.messaging.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.messaging.MessageGroups;
import se.omsorgsnav.messaging.MessageGroups.MessageGroupView;
import se.omsorgsnav.shared.InvalidInputException;

/** The send lists in the browser (MSG-2): every group, and the members of the ones I keep. */
@Controller
class MessageGroupController {

    private final MessageGroups groups;

    MessageGroupController(MessageGroups groups) {
        this.groups = groups;
    }

    @GetMapping("/messages/groups")
    String all(Model model) {
        model.addAttribute("groups", groups.all());
        return "messaging/groups";
    }

    @GetMapping("/messages/groups/{id}")
    String group(@PathVariable UUID id, Model model) {
        return page(id, model, null);
    }

    @PostMapping("/messages/groups/{id}/members")
    String add(@PathVariable UUID id, @RequestParam(required = false) String username, Model model, HttpServletResponse response) {
        try {
            groups.addMember(id, username);
            return "redirect:/messages/groups/" + id + "?tillagd";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, model, e.getMessage());
        }
    }

    @PostMapping("/messages/groups/{id}/members/{username}/removal")
    String remove(@PathVariable UUID id, @PathVariable String username, Model model, HttpServletResponse response) {
        try {
            groups.removeMember(id, username);
            return "redirect:/messages/groups/" + id + "?borttagen";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, model, e.getMessage());
        }
    }

    private String page(UUID id, Model model, String error) {
        // members() decides who may see the group (its keeper), and says "Behörighet saknas" alike for no such group.
        model.addAttribute("members", groups.members(id));
        MessageGroupView group = groups.all().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow(AccessDenied::new);
        model.addAttribute("group", group);
        model.addAttribute("error", error);
        return "messaging/group";
    }
}
