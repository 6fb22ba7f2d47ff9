package se.omsorgsnav.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuditLogAction;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditVerification;
import se.omsorgsnav.audit.VerificationReport;

/** Whether the audit log is intact, and the first broken link if not (AUD-2). */
@Controller
@Tag(name = "Loggkontroll")
class AuditVerificationController {

    private final AuditVerification verification;
    private final AccessControl access;

    AuditVerificationController(AuditVerification verification, AccessControl access) {
        this.verification = verification;
        this.access = access;
    }

    @GetMapping("/audit/verification")
    String page(Model model) {
        access.require(AuditLogAction.AUDIT_VERIFICATION, Target.NONE);
        model.addAttribute("report", verification.verify());
        return "audit/verification";
    }

    @Operation(summary = "Kontrollera att loggen är obruten",
            description = "Räknar om hashkedjan och kontrollerar varje signerad kontrollpunkt. intact=false anger första brutna länk.")
    @GetMapping(path = "/api/v1/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    VerificationReport api() {
        access.require(AuditLogAction.AUDIT_VERIFICATION, Target.NONE);
        return verification.verify();
    }
}
