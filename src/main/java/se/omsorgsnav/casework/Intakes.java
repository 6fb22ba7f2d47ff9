package se.omsorgsnav.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.AuthorizationAdministration;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Role;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.person.NewPerson;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonRegister;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.NotFoundException;

/**
 * LVS's intake for a protected person who had no case before (002 §2.4, 2.5). A case officer cannot
 * add such a person ("Behörighet saknas"), so LVS with the grant right does it in one step: the
 * person is registered (or found), the case opened in the receiving unit with the receiver as
 * responsible officer, the eleven facts stored with it, and the receiver authorised personally.
 * All of it commits together or not at all, and every part is audited.
 */
@Component
public class Intakes {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final StaffDirectory staff;
    private final PersonRegister register;
    private final PersonDisclosure gate;
    private final Cases cases;
    private final AuthorizationAdministration authorizations;
    private final AuditLog audit;
    private final AccessControl access;
    private final Clock clock;

    private final IdempotentRequests idempotent;

    Intakes(JdbcClient jdbc, CurrentUsers users, StaffDirectory staff, PersonRegister register, PersonDisclosure gate, Cases cases,
            AuthorizationAdministration authorizations, AuditLog audit, AccessControl access, Clock clock, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.access = access;
        this.users = users;
        this.staff = staff;
        this.register = register;
        this.gate = gate;
        this.cases = cases;
        this.authorizations = authorizations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CaseNumber register(NewIntake intake) {
        // No person yet to name: the intake's own event below records her, with the case.
        CurrentUser me = access.require(CaseworkAction.INTAKE, Target.NONE);
        LocalDate today = LocalDate.now(clock);
        if (intake.receivedOn().isAfter(today)) {
            throw new InvalidInputException("receivedOn", "Mottaget datum kan inte ligga i framtiden.");
        }
        staff.caseUnit(intake.receivingUnitId())
                .orElseThrow(() -> new InvalidInputException("receivingUnitId", "Välj en myndighetsenhet som mottagande enhet."));
        StaffDirectory.StaffView receiver = staff.findEnabled(intake.receiverUsername())
                .orElseThrow(() -> new InvalidInputException("receiverUsername", "Det finns ingen aktiv användare med det användarnamnet."));
        if (receiver.role() == Role.FEE_OFFICER) {
            // PROT-9: said before anything else is tried, though the grant would refuse it too.
            throw new InvalidInputException("receiverUsername", "En avgiftshandläggare kan inte få behörighet till skyddade ärenden.");
        }
        if (receiver.role() != Role.CASE_OFFICER && receiver.role() != Role.SENIOR_CASE_OFFICER) {
            throw new InvalidInputException("receiverUsername", "Mottagaren ska vara handläggare.");
        }
        if (!receiver.unitId().equals(intake.receivingUnitId())) {
            throw new InvalidInputException("receiverUsername", "Mottagaren hör inte till den mottagande enheten.");
        }

        UUID personId = existingPerson(intake);
        if (personId == null) {
            personId = register.register(new NewPerson(intake.personalIdentityNumber(), intake.firstName(), intake.lastName(), null, null, null,
                    null, intake.protectionLevel(), intake.fictitiousName(), null, List.of())).personId();
        }
        Cases.Opened opened = cases.open(new NewCase(personId, intake.receivingUnitId(), receiver.id(),
                intake.caseSubject()));
        UUID caseId = jdbc.sql("select id from care_case where case_number = ?").param(opened.number().value()).query(UUID.class).single();
        jdbc.sql("""
                        insert into case_intake (case_id, receiving_unit_id, receiver_user_id, receiver_title, operation, concerns,
                                                 preliminary_case_type, intake_kind, received_on, arrival_method, arrived_from,
                                                 arrived_from_name, arrived_from_contact, registered_by, registered_at)
                        values (:caseId, :unit, :receiver, :title, :operation, :concerns, :type, :kind, :received, :method, :from,
                                :fromName, :fromContact, :by, :at)
                        """)
                .param("caseId", caseId).param("unit", intake.receivingUnitId()).param("receiver", receiver.id())
                .param("title", intake.receiverTitle()).param("operation", intake.operation()).param("concerns", intake.concerns())
                .param("type", intake.preliminaryCaseType()).param("kind", intake.kind().name()).param("received", intake.receivedOn())
                .param("method", intake.arrivalMethod().name()).param("from", intake.arrivedFrom().name())
                .param("fromName", intake.arrivedFromName()).param("fromContact", intake.arrivedFromContact())
                .param("by", me.id()).param("at", OffsetDateTime.now(clock))
                .update();
        authorizations.grant(new AuthorizationAdministration.Grant(opened.number().value(), intake.receiverUsername(), today,
                intake.authorizedUntil(), null));
        audit.record(users.actor(), new AuditEntry(personId, caseId, AuditAction.CREATE, CaseworkAction.INTAKE.name(), AuditOutcome.ALLOWED));
        return opened.number();
    }

    /**
     * The person if already in the register (from the population register, say). Only a protected
     * person without any case comes this way; anyone else goes the ordinary route.
     */
    private UUID existingPerson(NewIntake intake) {
        PersonView found;
        try {
            found = gate.lookup(intake.personalIdentityNumber(), Purpose.REGISTRATION);
        } catch (NotFoundException e) {
            return null;
        }
        if (!found.locked()) {
            throw new InvalidInputException("personalIdentityNumber",
                    "Personen har inte skyddade personuppgifter. Aktualiseringen görs av handläggaren på vanligt sätt.");
        }
        boolean hasCase = jdbc.sql("select count(*) from care_case where person_id = ?").param(found.id()).query(Long.class).single() > 0;
        if (hasCase) {
            throw new InvalidInputException("personalIdentityNumber",
                    "Personen har redan ärenden. Beställ behörighet till ärendet i stället (enhetschefen beställer, LVS beviljar).");
        }
        return found.id();
    }

    /**
     * {@link #register(NewIntake)} once per idempotency key of the current user (issue 15): the same
     * key and intake again answer the first case's number, and nothing more is registered.
     */
    @Transactional
    public IdempotentRequests.Outcome<CaseNumber> register(String idempotencyKey, NewIntake intake) {
        return idempotent.once(users.current().id(), idempotencyKey, "intake.register", intake, () -> register(intake), CaseNumber::value,
                CaseNumber::parse);
    }
}
