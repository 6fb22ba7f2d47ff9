package se.omsorgsnav.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.casework.CaseJournal;
import se.omsorgsnav.casework.CaseView;
import se.omsorgsnav.casework.Cases;
import se.omsorgsnav.casework.CaseworkAction;
import se.omsorgsnav.casework.LocalProtectionDecisions;
import se.omsorgsnav.casework.NewCase;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.InvalidInputException;

/** Case pages: open a case, a person's cases, and opening a new case. */
@Controller
class CaseController {

    private final CaseJournal journal;
    private final Cases cases;
    private final PersonDisclosure gate;
    private final StaffDirectory staff;
    private final CurrentUsers users;
    private final LocalProtectionDecisions localProtection;
    private final AccessControl access;
    private final CaseDirectory directory;

    CaseController(Cases cases, PersonDisclosure gate, StaffDirectory staff, CurrentUsers users, LocalProtectionDecisions localProtection,
                   CaseJournal journal, AccessControl access, CaseDirectory directory) {
        this.localProtection = localProtection;
        this.access = access;
        this.directory = directory;
        this.journal = journal;
        this.cases = cases;
        this.gate = gate;
        this.staff = staff;
        this.users = users;
    }

    @GetMapping("/cases/{caseNumber}")
    String casePage(@PathVariable String caseNumber, Model model) {
        CaseView opened = cases.open(CaseNumber.parse(caseNumber));
        model.addAttribute("case", opened);
        model.addAttribute("journal", opened.limited() ? java.util.List.of() : journal.of(opened.id()));
        // The buttons the page may offer (the server asks again when one is pressed).
        java.util.Set<CaseworkAction> permitted = directory.find(opened.id()).map(f -> access.permitted(CaseworkAction.class, Target.ofCase(f)))
                .orElse(java.util.Set.of());
        model.addAttribute("mayDecideLocalProtection", permitted.contains(CaseworkAction.LOCAL_PROTECTION));
        model.addAttribute("mayClose", permitted.contains(CaseworkAction.CLOSE_CASE));
        return "casework/case";
    }

    @GetMapping("/cases/{caseNumber}/local-protection")
    String localProtectionForm(@PathVariable String caseNumber, Model model) {
        access.require(CaseworkAction.LOCAL_PROTECTION_FORM, Target.NONE);
        model.addAttribute("caseNumber", CaseNumber.parse(caseNumber).value());
        return "casework/local-protection";
    }

    @PostMapping("/cases/{caseNumber}/local-protection")
    String decideLocalProtection(@PathVariable String caseNumber, @RequestParam(name = "reason", required = false) String reason,
                                 @RequestParam(name = "until", required = false) String until, Model model,
                                 jakarta.servlet.http.HttpServletResponse response) {
        CaseNumber number = CaseNumber.parse(caseNumber);
        try {
            java.time.LocalDate last;
            try {
                last = until == null || until.isBlank() ? null : se.omsorgsnav.shared.DateInput.iso(until);
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("until", "Skriv datum som ÅÅÅÅ-MM-DD.");
            }
            localProtection.decide(number, reason, last);
            return "redirect:/?lokaltskydd=" + number.value();
        } catch (InvalidInputException e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("caseNumber", number.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("reason", reason);
            model.addAttribute("until", until);
            return "casework/local-protection";
        }
    }

    @PostMapping("/cases/{caseNumber}/closure")
    String close(@PathVariable String caseNumber) {
        CaseNumber number = CaseNumber.parse(caseNumber);
        cases.close(number);
        return "redirect:/cases/" + number.value();
    }

    /** The person page loads this with htmx; without JavaScript it is a page of its own. */
    @GetMapping("/persons/{personId}/cases")
    String casesOfPerson(@PathVariable UUID personId, Model model, HttpServletRequest request) {
        model.addAttribute("person", gate.open(personId, se.omsorgsnav.person.Purpose.PERSON_PAGE));
        model.addAttribute("cases", cases.ofPerson(personId));
        return "true".equals(request.getHeader("HX-Request")) ? "casework/person-cases :: list" : "casework/person-cases";
    }

    /** The form carries a key made when it is shown, so that a form sent twice opens one case (issue 15). */
    @GetMapping("/cases/new")
    String newCase(@RequestParam("person") UUID personId, Model model) {
        model.addAttribute("person", gate.requireForNewCase(personId));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        addChoices(model);
        return "casework/new";
    }

    @PostMapping("/cases")
    String openCase(@RequestParam("personId") UUID personId, @RequestParam(name = "unitId", required = false) UUID unitId,
                    @RequestParam(name = "caseOfficerId", required = false) UUID caseOfficerId,
                    @RequestParam(name = "subject", required = false) String subject,
                    @RequestParam(name = "idempotencyKey", required = false) String idempotencyKey, Model model,
                    jakarta.servlet.http.HttpServletResponse response) {
        try {
            NewCase request = new NewCase(personId, unitId, caseOfficerId, subject);
            // Without a key: a form shown before the key was added to it.
            Cases.Opened opened = idempotencyKey == null ? cases.open(request) : cases.open(idempotencyKey, request).result();
            // LVS opens the first case of a protected person without seeing it (002 §2.4): back to its work list.
            return opened.openerSeesPerson() ? "redirect:/cases/" + opened.number().value()
                    : "redirect:/authorizations?oppnat=" + opened.number().value();
        } catch (InvalidInputException e) {
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("person", gate.requireForNewCase(personId));
            model.addAttribute("error", e.getMessage());
            model.addAttribute("subject", subject);
            // Nothing was stored, so the corrected form may use the same key.
            model.addAttribute("idempotencyKey", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
            addChoices(model);
            return "casework/new";
        }
    }

    private void addChoices(Model model) {
        model.addAttribute("units", staff.caseUnits());
        model.addAttribute("officers", staff.caseOfficers());
        model.addAttribute("myUnitId", users.current().unitId());
    }
}
