package se.omsorgsnav.messaging.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.messaging.RoutingRules;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.messaging.MessageGroups;
import se.omsorgsnav.messaging.MessageGroups.MessageGroupView;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The send lists in the browser (MSG-2): every group, the members of the ones I keep and, for
 * LVS, who answers for a system group's unread messages (MSG-6) and where each structured type
 * goes (MSG-4).
 */
@Controller
class MessageGroupController {

    private final MessageGroups groups;
    private final RoutingRules rules;
    private final AccessControl access;

    MessageGroupController(MessageGroups groups, RoutingRules rules, AccessControl access) {
        this.groups = groups;
        this.rules = rules;
        this.access = access;
    }

    /** As on every messaging page: the actions the tabs may offer. */
    @ModelAttribute("messagingActions")
    java.util.Set<String> messagingActions() {
        return MessagingPages.offered(access);
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

    @PostMapping("/messages/groups/{id}/responsible")
    String responsible(@PathVariable UUID id, @RequestParam(required = false) String username, Model model, HttpServletResponse response) {
        try {
            groups.setResponsible(id, username);
            return "redirect:/messages/groups/" + id + "?ansvarig";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(id, model, e.getMessage());
        }
    }

    /** LVS's page of routing rules: where each structured type goes (MSG-4). */
    @GetMapping("/messages/routing")
    String routing(Model model) {
        return routingPage(model, null);
    }

    @PostMapping("/messages/routing/{type}")
    String route(@PathVariable String type, @RequestParam(name = "group", required = false) List<String> groupIds, Model model,
                 HttpServletResponse response) {
        Set<UUID> ids = new LinkedHashSet<>();
        try {
            for (String g : groupIds == null ? List.<String>of() : groupIds) {
                ids.add(UUID.fromString(g));
            }
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return routingPage(model, "Välj grupperna i listan.");
        }
        try {
            rules.route(type, ids);
            return "redirect:/messages/routing?sparad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return routingPage(model, e.getMessage());
        }
    }

    private String routingPage(Model model, String error) {
        // all() is LVS's only: "Behörighet saknas" for anyone else, audited.
        model.addAttribute("rules", rules.all());
        model.addAttribute("groups", groups.all().stream().filter(g -> "SYSTEM".equals(g.kind())).toList());
        model.addAttribute("error", error);
        return "messaging/routing";
    }

    private String page(UUID id, Model model, String error) {
        // view() decides who may see the group (its keeper), and says "Behörighet saknas" alike for no such group.
        MessageGroupView group = groups.view(id);
        model.addAttribute("members", groups.members(id));
        model.addAttribute("responsible", groups.responsible(id).orElse(null));
        model.addAttribute("group", group);
        model.addAttribute("error", error);
        return "messaging/group";
    }
}
