package se.omsorgsnav.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Orders of access to protected cases (PROT-8): a unit manager asks LVS to add or remove a
 * colleague on a case; LVS grants (through {@link AuthorizationAdministration}) or refuses. Every
 * transition is audited.
 */
@Component
public class AuthorizationRequests {

    private static final String SELECT = """
            select r.id, r.kind, r.case_number, t.full_name, t.username, t.email, t.role, r.valid_from, r.valid_to, r.reason,
                   q.full_name as requested_by, r.requested_at, r.status, d.full_name as decided_by, r.decided_at, r.decision_note
            from authorization_request r
              join app_user t on t.id = r.target_user_id
              join app_user q on q.id = r.requested_by
              left join app_user d on d.id = r.decided_by
            """;

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final CaseDirectory cases;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final IdempotentRequests idempotent;
    private final CurrentUsers users;

    AuthorizationRequests(JdbcClient jdbc, AccessControl access, CaseDirectory cases, Clock clock,
                          ApplicationEventPublisher events, IdempotentRequests idempotent,
            CurrentUsers users) {
        this.idempotent = idempotent;
        this.users = users;
        this.events = events;
        this.jdbc = jdbc;
        this.access = access;
        this.cases = cases;
        this.clock = clock;
    }

    public record NewRequest(AuthorizationRequestView.Kind kind, String caseNumber, String username, LocalDate validFrom,
                             LocalDate validTo, String reason) {}

    /**
     * A unit manager's order on a case of the own unit (002 §2.2). The period is checked now, so LVS
     * receives only orders it can grant.
     */
    @Transactional
    public UUID order(NewRequest request) {
        Optional<CaseDirectory.CaseFacts> found = cases.find(CaseNumber.parse(request.caseNumber()));
        // Another unit's case, or none, is answered alike: an order tells no one which case numbers exist (PROT-24).
        CurrentUser me = access.require(AccessAction.AUTHORIZATION_REQUESTED, found.map(Target::ofCase));
        CaseDirectory.CaseFacts facts = found.orElseThrow();
        if (request.kind() == null) {
            throw new InvalidInputException("kind", "Välj om behörigheten ska läggas till eller tas bort.");
        }
        StaffUser target = StaffUser.find(jdbc, request.username())
                .orElseThrow(() -> new InvalidInputException("username", "Det finns ingen användare med det användarnamnet."));
        String reason = FreeText.optionalLines("reason", "Orsak", request.reason(), 500);
        LocalDate from = null;
        LocalDate to = null;
        if (request.kind() == AuthorizationRequestView.Kind.ADD) {
            if (target.role() == Role.FEE_OFFICER) {
                throw new InvalidInputException("username", AuthorizationAdministration.FEE_OFFICER_REFUSED);
            }
            if (facts.localProtection() && reason == null) {
                throw new InvalidInputException("reason", "Ange orsak: vid lokalt skydd ska orsaken anges i beställningen.");
            }
            AuthorizationPeriod period = AuthorizationPeriod.of(request.validFrom(), request.validTo(), LocalDate.now(clock), facts.localProtection());
            from = period.validFrom();
            to = period.validTo();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into authorization_request (id, kind, case_id, case_number, target_user_id, valid_from, valid_to, reason,
                                                           requested_by, requested_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED')
                        """)
                .params(id, request.kind().name(), facts.caseId(), facts.number().value(), target.id(), from, to, reason, me.id(),
                        OffsetDateTime.now(clock))
                .update();
        events.publishEvent(new AuthorizationOrdered(id, facts.number().value(), request.kind(), target.fullName(), target.username(),
                target.email(), from, to, reason));
        return id;
    }

    /** LVS's work list: open orders, oldest first. Unit managers see their own orders. */
    @Transactional(readOnly = true)
    public List<AuthorizationRequestView> workList() {
        CurrentUser me = access.require(AccessAction.AUTHORIZATION_REQUEST_LIST, Target.NONE);
        if (access.has(AccessAction.AUTHORIZATION_REFUSED, Target.NONE)) {
            return jdbc.sql(SELECT + " where r.status = 'REQUESTED' order by r.requested_at, r.id limit 200")
                    .query(AuthorizationRequests::view).list();
        }
        return jdbc.sql(SELECT + " where r.requested_by = ? order by r.requested_at desc, r.id limit 200").param(me.id())
                .query(AuthorizationRequests::view).list();
    }

    /** How many orders wait for LVS: the start page's count. */
    @Transactional(readOnly = true)
    public long openCount() {
        return jdbc.sql("select count(*) from authorization_request where status = 'REQUESTED'").query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public AuthorizationRequestView find(UUID id) {
        Optional<AuthorizationRequestView> view = jdbc.sql(SELECT + " where r.id = ?").param(id).query(AuthorizationRequests::view).optional();
        // The order names the unit manager who placed it; not found is answered as forbidden (PROT-24).
        access.require(AccessAction.AUTHORIZATION_REQUEST_VIEWED, view.flatMap(v -> ordererOf(id)).map(by -> Target.NONE.withUsers(Set.of(by))));
        return view.orElseThrow();
    }

    /** LVS refuses an order, with a note to the unit manager. */
    @Transactional
    public void refuse(UUID id, String note) {
        CurrentUser me = access.require(AccessAction.AUTHORIZATION_REFUSED, Target.NONE);
        String text = FreeText.requiredLines("note", "Motivering", note, 500);
        RequestRow row = openRow(id);
        access.require(AccessAction.AUTHORIZATION_REFUSED, Target.ofCase(row.facts()));
        decide(id, "REFUSED", me, text);
    }

    /** Who placed the order, if it exists: a user the grant names, who therefore cannot grant it (fault 14). */
    Optional<UUID> ordererOf(UUID id) {
        return jdbc.sql("select requested_by from authorization_request where id = ?").param(id).query(UUID.class).optional();
    }

    record RequestRow(UUID id, AuthorizationRequestView.Kind kind, CaseDirectory.CaseFacts facts, UUID targetUserId,
                      java.time.LocalDate validFrom, java.time.LocalDate validTo) {}

    /** An open order, with its case as casework knows it. */
    RequestRow openRow(UUID id) {
        record Stored(UUID id, String kind, UUID caseId, UUID targetUserId, LocalDate from, LocalDate to, String status) {}
        Stored stored = jdbc.sql("select id, kind, case_id, target_user_id, valid_from, valid_to, status from authorization_request where id = ?")
                .param(id)
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7)))
                .optional().orElseThrow(() -> new InvalidInputException("requestId", "Beställningen finns inte."));
        if (!stored.status().equals("REQUESTED")) {
            throw new InvalidInputException("requestId", "Beställningen är redan behandlad.");
        }
        CaseDirectory.CaseFacts facts = cases.find(stored.caseId()).orElseThrow(() -> new InvalidInputException("requestId", "Ärendet finns inte."));
        return new RequestRow(stored.id(), AuthorizationRequestView.Kind.valueOf(stored.kind()), facts, stored.targetUserId(), stored.from(), stored.to());
    }

    /** requested → granted/refused, once: a second decision (two LVS at once) finds nothing to update. */
    void decide(UUID id, String status, CurrentUser by, String note) {
        int updated = jdbc.sql("""
                        update authorization_request set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1
                        where id = ? and status = 'REQUESTED'
                        """)
                .params(status, by.id(), OffsetDateTime.now(clock), note, id).update();
        if (updated != 1) {
            throw new InvalidInputException("requestId", "Beställningen är redan behandlad.");
        }
    }

    private static AuthorizationRequestView view(ResultSet rs, int n) throws SQLException {
        return new AuthorizationRequestView(rs.getObject("id", UUID.class), AuthorizationRequestView.Kind.valueOf(rs.getString("kind")),
                rs.getString("case_number"), rs.getString("full_name"), rs.getString("username"), rs.getString("email"),
                Role.valueOf(rs.getString("role")), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("reason"), rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class),
                AuthorizationRequestView.Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decision_note"));
    }

    /**
     * {@link #order(NewRequest)} once per idempotency key of the current user (issue 15): the same
     * key and order again answer the first order's id, and nothing more is ordered.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> order(String idempotencyKey, NewRequest request) {
        return idempotent.once(users.current().id(), idempotencyKey, "authorization.order", request, () -> order(request));
    }
}
