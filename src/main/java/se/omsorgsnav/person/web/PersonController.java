package se.omsorgsnav.person.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.person.PersonAction;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonRegister;
import se.omsorgsnav.person.PersonSearch;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.person.RelationKind;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Search, person page and registration in the browser. The search is a POST, so that a
 * personnummer never lands in a URL, a browser history or an access log (AUD-5).
 */
@Controller
class PersonController {

    private final PersonSearch search;
    private final PersonDisclosure gate;
    private final PersonRegister register;

    private final Clock clock;
    private final AccessControl access;

    PersonController(PersonSearch search, PersonDisclosure gate, PersonRegister register, Clock clock, AccessControl access) {
        this.clock = clock;
        this.access = access;
        this.search = search;
        this.gate = gate;
        this.register = register;
    }

    @GetMapping("/persons/search")
    String searchPage() {
        return "person/search";
    }

    /** One handler: the result fragment for htmx, the whole page otherwise. */
    @PostMapping("/persons/search")
    String search(@RequestParam(name = "q", required = false) String query, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        model.addAttribute("searched", true);
        try {
            List<PersonView> hits = search.search(query);
            model.addAttribute("hits", hits);
        } catch (InvalidInputException e) {
            // 400 with the form and its error summary; htmx is configured to swap 400s (layout).
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("hits", List.of());
        }
        return isHtmx(request) ? "person/search :: results" : "person/search";
    }

    @GetMapping("/persons/{id}")
    String person(@PathVariable UUID id, Model model) {
        PersonView person = gate.open(id, Purpose.PERSON_PAGE);
        model.addAttribute("person", person);
        // The links the page may offer (the server asks again when one is followed).
        model.addAttribute("offerAccessExtract", access.permitted(PersonAction.class, Target.person(person.id(), person.locked()))
                .contains(PersonAction.ACCESS_EXTRACT));
        // The log review for the person: the review list's own action (AUD-3).
        model.addAttribute("offerLogReview", access.has(AuditLogAction.AUDIT_REVIEW_LIST, Target.NONE));
        return "person/person";
    }


    @GetMapping("/persons/new")
    String newPerson(Model model) {
        access.require(PersonAction.REGISTER_PERSON, Target.NONE);
        model.addAttribute("form", PersonForm.empty());
        addChoices(model);
        return "person/new";
    }

    @PostMapping("/persons")
    String registerPerson(@ModelAttribute("form") PersonForm form, Model model, HttpServletResponse response) {
        try {
            var registered = register.register(form.toNewPerson(LocalDate.now(clock)));
            return "redirect:/cases/new?person=" + registered.personId();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.field());
            form.withRelationRows();
            addChoices(model);
            return "person/new";
        }
    }

    private static void addChoices(Model model) {
        model.addAttribute("protectionLevels", ProtectionLevel.values());
        model.addAttribute("relationKinds", RelationKind.values());
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
