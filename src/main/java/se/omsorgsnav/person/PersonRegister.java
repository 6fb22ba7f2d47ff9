package se.omsorgsnav.person;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Registers persons by hand, as system support (LVS) does for a protected person who had no
 * case before (002 §2.4); the population-register import comes later. One transaction: the
 * person, new relatives, links and their audit events are stored together or not at all.
 */
@Component
public class PersonRegister {

    private final PersonRows rows;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccessControl access;

    private final IdempotentRequests idempotent;

    PersonRegister(PersonRows rows, CurrentUsers users, AuditLog audit, ApplicationEventPublisher events, Clock clock, AccessControl access,
                   IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.access = access;
        this.rows = rows;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record Registered(UUID personId) {}

    @Transactional
    public Registered register(NewPerson person) {
        access.require(PersonAction.REGISTER_PERSON, Target.NONE);
        if (rows.idOf(person.personalIdentityNumber()).isPresent()) {
            throw new InvalidInputException("personalIdentityNumber", "Det finns redan en person med det personnumret i registret.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        UUID id = UUID.randomUUID();
        rows.insert(id, person, now);
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(created(id));
        for (NewPerson.NewRelation relation : person.relations()) {
            if (relation.personalIdentityNumber().equals(person.personalIdentityNumber())) {
                throw new InvalidInputException("relations", "En person kan inte kopplas till sig själv.");
            }
            UUID relatedId = rows.idOf(relation.personalIdentityNumber()).orElse(null);
            if (relatedId == null) {
                relatedId = UUID.randomUUID();
                rows.insert(relatedId, relation.asPerson(), now);
            } else if (rows.linked(id, relatedId)) {
                throw new InvalidInputException("relations", "Samma person kan bara kopplas en gång.");
            }
            rows.link(id, relatedId, relation.kind());
            entries.add(created(relatedId));
        }
        audit.recordAll(users.actor(), entries);
        return new Registered(id);
    }

    /**
     * Records a death, as the population-register import will (REG-1); until it exists, system
     * support records it by hand from Skatteverket's notice. Once only: the date is the register's,
     * not a guess to correct later. Publishes {@link PersonDied} in the same transaction (REG-2).
     */
    @Transactional
    public void recordDeath(UUID personId, LocalDate dateOfDeath) {
        // Asked before anything about the person, so that a refusal tells nothing of whether she exists.
        access.require(PersonAction.RECORD_DEATH, Target.NONE);
        if (dateOfDeath == null) {
            throw new InvalidInputException("dateOfDeath", "Ange dödsdatum.");
        }
        if (dateOfDeath.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("dateOfDeath", "Dödsdatum kan inte vara i framtiden.");
        }
        if (personId == null || !rows.exists(personId)) {
            throw new InvalidInputException("personId", "Det finns ingen sådan person i registret.");
        }
        if (!rows.recordDeath(personId, dateOfDeath)) {
            throw new InvalidInputException("dateOfDeath", "Personens dödsdatum är redan registrerat.");
        }
        audit.record(users.actor(), new AuditEntry(personId, null, AuditAction.UPDATE, Purpose.REGISTRATION.name(), AuditOutcome.ALLOWED));
        events.publishEvent(new PersonDied(personId, dateOfDeath));
    }

    private static AuditEntry created(UUID personId) {
        return new AuditEntry(personId, null, AuditAction.CREATE, Purpose.REGISTRATION.name(), AuditOutcome.ALLOWED);
    }

    /**
     * {@link #register(NewPerson)} once per idempotency key of the current user (issue 15): the same
     * key and person again answer the first registration, and nothing more is registered.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> register(String idempotencyKey, NewPerson person) {
        return idempotent.once(users.current().id(), idempotencyKey, "person.register", person, () -> register(person).personId());
    }
}
