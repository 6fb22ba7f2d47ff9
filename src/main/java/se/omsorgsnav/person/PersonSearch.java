package se.omsorgsnav.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.RowFilter;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * Finds persons by personnummer or by name. A search by number shows the hit masked when locked
 * (PROT-3): whoever typed the full number already knows it. A search by name never returns a
 * person locked for this user — not even masked, nor as a count — since that would tell that a
 * protected person carries the name: the query itself returns only persons the user may see in
 * full, and the limit applies to those (PROT-24).
 */
@Component
public class PersonSearch {

    static final int MAX_RESULTS = 50;

    private final PersonRows rows;
    private final PersonDisclosure gate;
    private final Clock clock;
    private final AccessControl access;

    PersonSearch(PersonRows rows, PersonDisclosure gate, Clock clock, AccessControl access) {
        this.access = access;
        this.rows = rows;
        this.gate = gate;
        this.clock = clock;
    }

    @Transactional
    public List<PersonView> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw new InvalidInputException("query", "Skriv ett personnummer eller ett namn att söka på.");
        }
        if (looksLikeNumber(q)) {
            PersonalIdentityNumber number = PersonalIdentityNumber.parse(q, LocalDate.now(clock));
            return rows.idOf(number).map(id -> gate.list(List.of(id), Purpose.SEARCH)).orElse(List.of());
        }
        List<String> terms = NameSearch.terms(q);
        if (terms.isEmpty()) {
            throw new InvalidInputException("query", "Skriv ett personnummer eller ett namn att söka på.");
        }
        PersonRows.Permitted permitted = new PersonRows.Permitted(
                access.filter(PersonAction.OPEN_PERSON, RowFilter.Columns.of().personId("p.id").locked(PersonRows.LOCKED)),
                access.filter(PersonAction.OPEN_PERSON, RowFilter.Columns.of().personId("lq.id").locked("1 = 1")));
        List<UUID> ids = rows.idsByName(terms, MAX_RESULTS, permitted);
        return gate.listUnlocked(ids, Purpose.SEARCH);
    }

    private static boolean looksLikeNumber(String q) {
        return q.chars().filter(Character::isDigit).count() >= 6;
    }
}
