package se.omsorgsnav.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.AuthorizationOrdered;
import se.omsorgsnav.access.AuthorizationRequestView;

/**
 * One model, not two (PROT-8, 002 §2.2): an order of access is the order in the access workflow
 * and, in the same transaction, a message of type ACCESS_ORDER from the ordering manager, routed
 * by rule to "LVS admin sekretessbehörighet". The subject is the case number and nothing else; the
 * key makes the message once per order, also if the event came twice.
 */
@Component
class AccessOrderMessages {

    static final String BODY = "Beställningen finns i arbetslistan under Behörigheter, där den beviljas eller avslås.";

    private final Messages messages;

    AccessOrderMessages(Messages messages) {
        this.messages = messages;
    }

    // Synchronous, inside the ordering transaction: an order that cannot reach LVS is not made.
    @EventListener
    void on(AuthorizationOrdered order) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderKind", order.kind() == AuthorizationRequestView.Kind.ADD ? "ADD" : "REMOVE");
        fields.put("staffFullName", order.staffFullName());
        fields.put("staffUsername", order.staffUsername());
        fields.put("staffEmail", order.staffEmail());
        if (order.validFrom() != null) {
            fields.put("validFrom", order.validFrom().toString());
        }
        if (order.validTo() != null) {
            fields.put("validTo", order.validTo().toString());
        }
        if (order.reason() != null) {
            fields.put("localProtectionReason", order.reason());
        }
        messages.send(new NewMessage("access-order-" + order.requestId(), MessageType.ACCESS_ORDER.name(), order.caseNumber(), BODY,
                order.caseNumber(), List.of(), List.of(), fields, null, false));
    }
}
