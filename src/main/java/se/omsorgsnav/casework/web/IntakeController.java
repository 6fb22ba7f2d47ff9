package se.omsorgsnav.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.casework.CaseworkAction;
import se.omsorgsnav.casework.Intakes;
import se.omsorgsnav.casework.NewIntake;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * The intake form for LVS (002 §2.4). A POST, so the personnummer never travels in a URL; after
 * it, LVS lands on the work list with the new case number and a link to the case's
 * authorisations: the case page itself would answer "Behörighet saknas", as LVS holds no
 * authorisation of its own.
 */
@Controller
class IntakeController {

    private final Intakes intakes;
    private final StaffDirectory staff;
    private final AccessControl access;
    private final Clock clock;

    IntakeController(Intakes intakes, StaffDirectory staff, AccessControl access, Clock clock) {
        this.intakes = intakes;
        this.staff = staff;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The form; with a receiving unit chosen, its case officers to choose the receiver from. htmx
     * asks for just that list when the unit changes; without JavaScript the unit's officers come
     * with the next rendering, and a user name can always be typed.
     */
    @GetMapping("/intakes/new")
    String form(@RequestParam(name = "receivingUnitId", required = false) String unit,
                Model model, HttpServletRequest request) {
        requireLvs();
        Map<String, String> form = defaults();
        if (unit != null && !unit.isBlank()) {
            form.put("receivingUnitId", unit);
        }
        String page = page(model, form, null);
        return "true".equals(request.getHeader("HX-Request")) ? page + " :: receivers" : page;
    }

    @PostMapping("/intakes")
    String register(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        requireLvs();
        try {
            CaseNumber number = intakes.register(new NewIntake(uuid(form.get("receivingUnitId")), form.get("receiverUsername"),
                    form.get("receiverTitle"), form.get("operation"), pin(form.get("personalIdentityNumber"), LocalDate.now(clock)), form.get("firstName"),
                    form.get("lastName"), choice(ProtectionLevel.class, form.get("protectionLevel")), form.get("fictitiousName"),
                    form.get("concerns"), form.get("preliminaryCaseType"), choice(NewIntake.Kind.class, form.get("kind")),
                    date("receivedOn", form.get("receivedOn")), choice(NewIntake.ArrivalMethod.class, form.get("arrivalMethod")),
                    choice(NewIntake.ArrivedFrom.class, form.get("arrivedFrom")), form.get("arrivedFromName"), form.get("arrivedFromContact"),
                    date("authorizedUntil", form.get("authorizedUntil"))));
            return "redirect:/authorizations?aktualiserad=" + number.value();
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            // The personnummer is not echoed back into the page, nor a text it was typed into: they are typed again.
            Map<String, String> kept = new HashMap<>(form);
            kept.remove("personalIdentityNumber");
            kept.remove("_csrf");
            kept.values().removeIf(PersonalIdentityNumber::appearsIn);
            return page(model, kept, e.getMessage());
        }
    }

    /**
     * One model, not two (002 §2.4): the case officer's intake request, a message of type
     * INTAKE_REQUEST, fills in what it holds, as the message page posts it — the request's fields in
     * the body, never in a URL (AUD-5); nothing is stored. The person's identity was never in the
     * message and is typed here; the free-text facts (unit, receiver, arrival) are shown beside the
     * form to choose from. Casework reads no message itself (DESIGN.md: casework does not use
     * messaging): what is posted is only a form's prefill, and the registration decides again.
     */
    @PostMapping("/intakes/new")
    String fromRequest(@RequestParam Map<String, String> posted, Model model) {
        requireLvs();
        Map<String, String> form = defaults();
        Map<String, String> fields = new HashMap<>();
        posted.forEach((name, value) -> {
            if (name.startsWith("f.") && value != null && !value.isBlank()) {
                fields.put(name.substring(2), value);
            }
        });
        prefill(fields, form, model);
        UUID messageId = chosenUnit(posted.get("messageId"));
        if (messageId != null) {
            model.addAttribute("request", new RequestShown(messageId, posted.get("subject"), posted.get("sender")));
        }
        return page(model, form, null);
    }

    /** The request a form was filled in from, for the link back to it. */
    record RequestShown(UUID id, String subject, String sender) {}

    /** The facts of the request as written, labelled as in the routine's list (002 §2.4: 1, 2, 10, 11). */
    private static final Map<String, String> AS_WRITTEN = new java.util.LinkedHashMap<>();

    static {
        AS_WRITTEN.put("receivingUnit", "Mottagande enhet");
        AS_WRITTEN.put("recipient", "Mottagare");
        AS_WRITTEN.put("arrivalMethod", "Ankomstsätt");
        AS_WRITTEN.put("arrivedFrom", "Ankom ifrån");
    }

    private static void prefill(Map<String, String> f, Map<String, String> form, Model model) {
        Map.of("receiverTitle", "position", "operation", "operation", "concerns", "concerns", "preliminaryCaseType", "preliminaryCaseType",
                "kind", "intakeKind", "receivedOn", "receivedOn").forEach((to, from) -> {
                    if (f.get(from) != null) {
                        form.put(to, f.get(from));
                    }
                });
        Map<String, String> asWritten = new java.util.LinkedHashMap<>();
        AS_WRITTEN.forEach((name, label) -> {
            if (f.get(name) != null) {
                asWritten.put(label, f.get(name));
            }
        });
        model.addAttribute("requestFacts", asWritten);
    }

    private Map<String, String> defaults() {
        return new HashMap<>(Map.of("receivedOn", LocalDate.now(clock).toString(), "operation", "ÄO",
                "authorizedUntil", LocalDate.now(clock).plusMonths(6).toString()));
    }

    private String page(Model model, Map<String, String> form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("units", staff.caseUnits());
        UUID unit = chosenUnit(form.get("receivingUnitId"));
        model.addAttribute("receivers", unit == null ? staff.caseOfficers() : staff.caseOfficersOf(unit));
        model.addAttribute("kinds", NewIntake.Kind.values());
        model.addAttribute("arrivalMethods", NewIntake.ArrivalMethod.values());
        model.addAttribute("arrivedFroms", NewIntake.ArrivedFrom.values());
        model.addAttribute("levels", new ProtectionLevel[] {ProtectionLevel.PROTECTED_REGISTRATION, ProtectionLevel.CONFIDENTIALITY_MARKING});
        return "casework/intake";
    }

    private void requireLvs() {
        access.require(CaseworkAction.INTAKE, Target.NONE);
    }

    /** The unit to list receivers of; an unreadable one lists all, as none chosen does. */
    private static UUID chosenUnit(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("receivingUnitId", "Välj mottagande enhet.");
        }
    }

    private static PersonalIdentityNumber pin(String value, LocalDate today) {
        return value == null || value.isBlank() ? null : PersonalIdentityNumber.parse(value, today);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(type.getSimpleName(), "Välj ett av alternativen.");
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
