package se.omsorgsnav.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access decision for protected persons: which of the given persons does the user hold a
 * valid personal authorisation for, through a case of that person (PROT-3, PROT-6). Validity is
 * computed on read — an expired, not yet valid or revoked authorisation never counts, whether or
 * not a cleaning job has run.
 */
@Component
public class CaseAuthorizations {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseAuthorizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One query for a whole list of persons. */
    public Set<UUID> authorisedPersons(CurrentUser user, Collection<UUID> personIds) {
        if (personIds.isEmpty() || user.is(Role.FEE_OFFICER)) {
            // PROT-9: a fee officer is never authorised for a protected case, whatever was granted.
            return Set.of();
        }
        LocalDate today = LocalDate.now(clock);
        return new HashSet<>(jdbc.sql("""
                        select distinct person_id from case_authorization
                        where user_id = :user and person_id in (:persons)
                          and revoked_at is null and valid_from <= :today and valid_to >= :today
                        """)
                .param("user", user.id())
                .param("persons", personIds)
                .param("today", today)
                .query(UUID.class)
                .list());
    }

    /** Of these cases, those the user holds a valid authorisation for today (PROT-26: a grant opens the case it names). One query. */
    public Set<UUID> authorisedCasesAmong(CurrentUser user, Collection<UUID> caseIds) {
        if (caseIds.isEmpty() || user.is(Role.FEE_OFFICER)) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct case_id from case_authorization
                        where user_id = :user and case_id in (:cases)
                          and revoked_at is null and valid_from <= :today and valid_to >= :today
                        """)
                .param("user", user.id())
                .param("cases", caseIds)
                .param("today", LocalDate.now(clock))
                .query(UUID.class)
                .list());
    }

    /** The cases the user holds a valid authorisation for today, to offer them by number. Never any for a fee officer (PROT-9). */
    public List<UUID> authorisedCases(CurrentUser user) {
        if (user.is(Role.FEE_OFFICER)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select distinct case_id from case_authorization
                        where user_id = :user and revoked_at is null and valid_from <= :today and valid_to >= :today
                        """)
                .param("user", user.id())
                .param("today", today)
                .query(UUID.class)
                .list();
    }

    /** A user who holds, or has held, an authorisation on a case of the person. */
    public record Holder(UUID userId, UUID personId) {}

    /**
     * Everyone who has held an authorisation on these persons' cases, revoked or expired ones
     * included: the log review counts it as a case relation at the time of the access (AUD-4).
     */
    public Set<Holder> holdersOf(Collection<UUID> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct user_id, person_id from case_authorization where person_id in (:persons)")
                .param("persons", personIds)
                .query((rs, n) -> new Holder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list());
    }
}
