package se.omsorgsnav.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AuthorizationAdministration;
import se.omsorgsnav.access.AuthorizationRequestView;
import se.omsorgsnav.access.AuthorizationRequests;
import se.omsorgsnav.access.AccessAction;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The access workflow in the browser: the unit manager orders, LVS checks and grants or refuses,
 * managers and LVS see and revoke who has access to a case.
 */
@Controller
class AuthorizationController {

    private final AuthorizationRequests requests;
    private final AuthorizationAdministration administration;
    private final AccessControl access;
    private final StaffDirectory staff;
    private final Clock clock;

    AuthorizationController(AuthorizationRequests requests, AuthorizationAdministration administration, AccessControl access,
                            StaffDirectory staff, Clock clock) {
        this.requests = requests;
        this.administration = administration;
        this.access = access;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/authorizations")
    String workList(Model model) {
        model.addAttribute("requests", requests.workList());
        boolean lvs = access.has(AccessAction.AUTHORIZATION_CLOSED_CASES, Target.NONE);
        model.addAttribute("lvs", lvs);
        model.addAttribute("closed", lvs ? administration.closedCasesWithAccess() : java.util.List.of());
        return "access/work-list";
    }

    @GetMapping("/authorizations/order")
    String orderForm(@RequestParam(name = "caseNumber", required = false) String caseNumber, Model model) {
        access.require(AccessAction.AUTHORIZATION_ORDER_FORM, Target.NONE);
        model.addAttribute("caseNumber", caseNumber);
        model.addAttribute("validFrom", LocalDate.now(clock));
        model.addAttribute("validTo", LocalDate.now(clock).plusMonths(6));
        return "access/order";
    }

    @PostMapping("/authorizations/order")
    String order(@RequestParam(name = "kind", required = false) String kind, @RequestParam(name = "caseNumber", required = false) String caseNumber,
                 @RequestParam(name = "username", required = false) String username,
                 @RequestParam(name = "validFrom", required = false) String validFrom, @RequestParam(name = "validTo", required = false) String validTo,
                 @RequestParam(name = "reason", required = false) String reason, Model model, HttpServletResponse response) {
        try {
            requests.order(new AuthorizationRequests.NewRequest(kind(kind), caseNumber, username, date("validFrom", validFrom), date("validTo", validTo), reason));
            return "redirect:/authorizations?bestalld";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("kind", kind);
            model.addAttribute("caseNumber", caseNumber);
            model.addAttribute("username", username);
            model.addAttribute("validFrom", validFrom);
            model.addAttribute("validTo", validTo);
            model.addAttribute("reason", reason);
            return "access/order";
        }
    }

    /** LVS: one order with the checks of 002 §2.5 before deciding (PROT-7). */
    @GetMapping("/authorizations/requests/{id}")
    String request(@PathVariable UUID id, Model model) {
        AuthorizationRequestView request = requests.find(id);
        model.addAttribute("request", request);
        model.addAttribute("pre", administration.preGrant(request.caseNumber()));
        return "access/request";
    }

    @PostMapping("/authorizations/requests/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam(name = "decision", required = false) String decision,
                  @RequestParam(name = "note", required = false) String note, Model model, HttpServletResponse response) {
        AuthorizationRequestView request = requests.find(id);
        try {
            switch (decision == null ? "" : decision) {
                case "grant" -> {
                    if (request.kind() == AuthorizationRequestView.Kind.REMOVE) {
                        administration.removeAsOrdered(id);
                    } else {
                        administration.grant(new AuthorizationAdministration.Grant(request.caseNumber(), request.username(),
                                request.validFrom(), request.validTo(), id));
                    }
                }
                case "refuse" -> requests.refuse(id, note);
                default -> throw new InvalidInputException("decision", "Välj om beställningen ska beviljas eller avslås.");
            }
            return "redirect:/authorizations?beslutad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("request", request);
            model.addAttribute("pre", administration.preGrant(request.caseNumber()));
            return "access/request";
        }
    }

    /** Who has, had or will have access to a case, with revoke (PROT-15). */
    @GetMapping("/cases/{caseNumber}/authorizations")
    String ofCase(@PathVariable String caseNumber, Model model) {
        model.addAttribute("caseNumber", caseNumber);
        model.addAttribute("mayGrant", access.has(AccessAction.AUTHORIZATION_GRANTED, Target.NONE));
        model.addAttribute("authorizations", administration.forCase(caseNumber));
        return "access/case-authorizations";
    }

    /** LVS finds a case by its number, to see or grant access without an order. */
    @GetMapping("/authorizations/case")
    String gotoCase(@RequestParam(name = "caseNumber", required = false) String caseNumber) {
        access.require(AccessAction.AUTHORIZATION_PRECHECK, Target.NONE);
        return "redirect:/cases/" + se.omsorgsnav.shared.CaseNumber.parse(caseNumber == null ? "" : caseNumber).value() + "/authorizations";
    }

    /** LVS grants without an order (PROT-6, PROT-7), after the same checks as with one. */
    @GetMapping("/cases/{caseNumber}/authorizations/new")
    String grantForm(@PathVariable String caseNumber, Model model) {
        return grantPage(model, caseNumber, "", LocalDate.now(clock).toString(), LocalDate.now(clock).plusMonths(6).toString(), null);
    }

    @PostMapping("/cases/{caseNumber}/authorizations")
    String grant(@PathVariable String caseNumber, @RequestParam(name = "username", required = false) String username,
                 @RequestParam(name = "validFrom", required = false) String validFrom, @RequestParam(name = "validTo", required = false) String validTo,
                 Model model, HttpServletResponse response) {
        try {
            administration.grant(new AuthorizationAdministration.Grant(caseNumber, username, date("validFrom", validFrom), date("validTo", validTo), null));
            return "redirect:/cases/" + se.omsorgsnav.shared.CaseNumber.parse(caseNumber).value() + "/authorizations?beviljad";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return grantPage(model, caseNumber, username, validFrom, validTo, e.getMessage());
        }
    }

    private String grantPage(Model model, String caseNumber, String username, String validFrom, String validTo, String error) {
        AuthorizationAdministration.PreGrant pre = administration.preGrant(caseNumber);
        model.addAttribute("pre", pre);
        // Those who usually handle the case, to choose from; fee officers are not offered (PROT-9).
        model.addAttribute("grantees", staff.grantableIn(pre.facts().unitId()));
        model.addAttribute("caseNumber", se.omsorgsnav.shared.CaseNumber.parse(caseNumber).value());
        model.addAttribute("username", username);
        model.addAttribute("validFrom", validFrom);
        model.addAttribute("validTo", validTo);
        model.addAttribute("error", error);
        return "access/grant";
    }

    @PostMapping("/cases/{caseNumber}/authorizations/{id}/revocation")
    String revoke(@PathVariable String caseNumber, @PathVariable UUID id) {
        administration.revoke(caseNumber, id);
        return "redirect:/cases/" + se.omsorgsnav.shared.CaseNumber.parse(caseNumber).value() + "/authorizations";
    }

    private static AuthorizationRequestView.Kind kind(String value) {
        try {
            return value == null || value.isBlank() ? null : AuthorizationRequestView.Kind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "Välj om behörigheten ska läggas till eller tas bort.");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return value == null || value.isBlank() ? null : se.omsorgsnav.shared.DateInput.iso(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "Skriv datum som ÅÅÅÅ-MM-DD.");
        }
    }
}
