package se.omsorgsnav.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Lokalt skydd (PROT-2, 002 §1.3): in an acute situation, before Skatteverket has decided, a unit
 * manager at the authority protects a person for at most three months. It ends by itself on its
 * last day (the gate reads it so) unless decided again. The reason and the journal are the case's
 * (casework); this records the protection itself.
 */
@Component
public class PersonProtection {

    private final PersonRows rows;
    private final AccessControl access;
    private final Clock clock;

    PersonProtection(PersonRows rows, AccessControl access, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.clock = clock;
    }

    /** Decides, or renews, lokalt skydd through {@code until} (the last day it holds). */
    @Transactional
    public void decideLocalProtection(UUID personId, LocalDate until) {
        PersonRow person = rows.byIds(List.of(personId)).get(personId);
        // The rule is the role alone (the case's own rule is casework's); the person is named so that the
        // allowed event records her in this transaction, and no such person is refused like a forbidden one.
        access.require(PersonAction.LOCAL_PROTECTION, Optional.ofNullable(person).map(p -> Target.person(p.id(), true)));
        if (person.protectionLevel() == ProtectionLevel.PROTECTED_REGISTRATION || person.protectionLevel() == ProtectionLevel.CONFIDENTIALITY_MARKING) {
            throw new InvalidInputException("until", "Personen har redan skyddade personuppgifter från Skatteverket. Lokalt skydd behövs inte.");
        }
        LocalDate today = LocalDate.now(clock);
        if (until == null || !until.isAfter(today)) {
            throw new InvalidInputException("until", "Ange sista dag för det lokala skyddet, efter i dag.");
        }
        if (!until.isBefore(today.plusMonths(3))) {
            throw new InvalidInputException("until", "Lokalt skydd gäller högst tre månader.");
        }
        rows.setLocalProtection(personId, until);
    }
}
