package se.omsorgsnav.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A unit manager's order to LVS, with exactly what 002 §2.2 asks for: the case number, the
 * colleague's full name, user name and e-mail, and the period — never a personnummer (PROT-8).
 */
public record AuthorizationRequestView(UUID id, Kind kind, String caseNumber, String fullName, String username, String email,
                                       Role role, LocalDate validFrom, LocalDate validTo, String reason, String requestedBy,
                                       OffsetDateTime requestedAt, Status status, String decidedBy, OffsetDateTime decidedAt,
                                       String decisionNote) {

    public enum Kind {
        ADD("Lägg till behörighet"),
        REMOVE("Ta bort behörighet");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** requested → granted or refused; a REMOVE is granted by revoking. */
    public enum Status {
        REQUESTED("Beställd"),
        GRANTED("Beviljad"),
        REFUSED("Avslagen");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
