package se.omsorgsnav.casework;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.access.CaseAuthorizations;
import se.omsorgsnav.audit.AuditReviewFacts;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;

/**
 * Answers the log review's questions (AUD-4). A user has a case relation to a person when they
 * are, or were, the case officer of one of the person's cases, act for the unit that holds one,
 * or have held a personal authorisation on one. Later modules (orders, execution) will widen this
 * to the performing units.
 */
@Component
class AuditReviewFactsAdapter implements AuditReviewFacts {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final PersonDisclosure gate;
    private final CaseAuthorizations authorizations;

    AuditReviewFactsAdapter(JdbcClient jdbc, PersonDisclosure gate, CaseAuthorizations authorizations) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.authorizations = authorizations;
    }

    @Override
    public Set<UUID> lockedAmong(Collection<UUID> personIds) {
        return gate.lockedAmong(personIds);
    }

    @Override
    public Set<Access> withCaseRelation(Collection<Access> accesses) {
        List<UUID> persons = accesses.stream().map(Access::personId).distinct().toList();
        Set<Access> related = new HashSet<>();
        for (int start = 0; start < persons.size(); start += CHUNK) {
            List<UUID> chunk = persons.subList(start, Math.min(persons.size(), start + CHUNK));
            record CaseRow(UUID personId, UUID unitId, UUID officerId) {}
            List<CaseRow> cases = jdbc.sql("select person_id, unit_id, case_officer_id from care_case where person_id in (:persons)")
                    .param("persons", chunk)
                    .query((rs, n) -> new CaseRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                    .list();
            Set<CaseAuthorizations.Holder> holders = authorizations.holdersOf(chunk);
            Set<UUID> inChunk = new HashSet<>(chunk);
            Map<UUID, List<CaseRow>> byPerson = cases.stream().collect(Collectors.groupingBy(CaseRow::personId));
            for (Access access : accesses) {
                if (!inChunk.contains(access.personId())) {
                    continue;
                }
                boolean throughCase = byPerson.getOrDefault(access.personId(), List.of()).stream()
                        .anyMatch(c -> c.officerId().equals(access.userId()) || c.unitId().equals(access.unitId()));
                if (throughCase || holders.contains(new CaseAuthorizations.Holder(access.userId(), access.personId()))) {
                    related.add(access);
                }
            }
        }
        return related;
    }

    @Override
    public Map<UUID, String> describe(List<UUID> personIds, boolean export) {
        Map<UUID, String> labels = new LinkedHashMap<>();
        List<UUID> all = new ArrayList<>(personIds);
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<UUID> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            for (PersonView view : gate.list(chunk, export ? Purpose.AUDIT_REVIEW_EXPORT : Purpose.AUDIT_REVIEW)) {
                labels.put(view.id(), view.displayName() + " (" + view.personalIdentityNumber() + ")");
            }
        }
        return labels;
    }
}
