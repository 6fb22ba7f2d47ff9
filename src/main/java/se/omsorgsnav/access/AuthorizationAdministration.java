package se.omsorgsnav.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditActor;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Granting, revoking and listing personal authorisations (PROT-6, PROT-7, PROT-9, PROT-15).
 * Who may do what is {@link AccessAction}'s: LVS holding the grant right grants, never to a user
 * the grant names; a unit manager may revoke on the unit's cases. Every transition is audited,
 * refusals included.
 */
@Component
public class AuthorizationAdministration {

    static final String FEE_OFFICER_REFUSED = "Avgiftshandläggare kan aldrig få behörighet till ärenden med skyddade personuppgifter.";

    private static final String SELECT = """
            select a.id, a.case_id, a.user_id, u.username, u.full_name, u.role, un.name as unit_name, a.valid_from, a.valid_to,
                   g.full_name as granted_by, a.granted_at, a.revoked_at
            from case_authorization a
              join app_user u on u.id = a.user_id
              join unit un on un.id = u.unit_id
              join app_user g on g.id = a.granted_by
            """;

    private final JdbcClient jdbc;
    private final AccessControl access;
    private final CaseDirectory cases;
    private final AuthorizationRequests requests;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    private final IdempotentRequests idempotent;
    private final CurrentUsers users;

    AuthorizationAdministration(JdbcClient jdbc, AccessControl access, CaseDirectory cases, AuthorizationRequests requests,
                                AuditLog audit, Clock clock, PlatformTransactionManager transactions, IdempotentRequests idempotent,
            CurrentUsers users) {
        this.idempotent = idempotent;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.access = access;
        this.cases = cases;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    public record Grant(String caseNumber, String username, LocalDate validFrom, LocalDate validTo, UUID requestId) {}

    /**
     * LVS grants a colleague access to one protected case for a period (PROT-6). Never to the
     * granter themselves, nor on an order the granter placed: a grant takes a second person
     * (fault 14, {@link AccessAction#AUTHORIZATION_GRANTED}). A case number that does not exist is
     * answered like a forbidden one (PROT-24).
     */
    @Transactional
    public UUID grant(Grant grant) {
        Optional<CaseDirectory.CaseFacts> found = cases.find(CaseNumber.parse(grant.caseNumber()));
        Optional<StaffUser> grantee = StaffUser.find(jdbc, grant.username());
        Set<UUID> named = new HashSet<>();
        grantee.ifPresent(u -> named.add(u.id()));
        if (grant.requestId() != null) {
            requests.ordererOf(grant.requestId()).ifPresent(named::add);
        }
        CurrentUser me = access.require(AccessAction.AUTHORIZATION_GRANTED, found.map(f -> Target.ofCase(f).withUsers(named)));
        CaseDirectory.CaseFacts facts = found.orElseThrow();
        if (!facts.open()) {
            throw new InvalidInputException("caseNumber", "Ärendet är avslutat: behörigheter ges bara till öppna ärenden.");
        }
        StaffUser target = grantee.orElseThrow(() -> new InvalidInputException("username", "Det finns ingen användare med det användarnamnet."));
        if (target.role() == Role.FEE_OFFICER) {
            // PROT-9: refused whatever the request says; the refusal itself is on record.
            access.recordRefusal(AccessAction.AUTHORIZATION_GRANTED, Target.ofCase(facts));
            throw new InvalidInputException("username", FEE_OFFICER_REFUSED);
        }
        AuthorizationPeriod period = AuthorizationPeriod.of(grant.validFrom(), grant.validTo(), LocalDate.now(clock), facts.localProtection());
        if (grant.requestId() != null) {
            AuthorizationRequests.RequestRow request = requests.openRow(grant.requestId());
            if (request.kind() != AuthorizationRequestView.Kind.ADD || !request.facts().caseId().equals(facts.caseId())
                    || !request.targetUserId().equals(target.id())) {
                throw new InvalidInputException("requestId", "Beställningen gäller ett annat ärende eller en annan användare.");
            }
            requests.decide(grant.requestId(), "GRANTED", me, null);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at, request_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, target.id(), facts.caseId(), facts.personId(), period.validFrom(), period.validTo(), me.id(),
                        OffsetDateTime.now(clock), grant.requestId())
                .update();
        return id;
    }

    /**
     * Revokes an authorisation: LVS with the grant right, or the unit manager of the case's unit
     * (PROT-15). Granting a REMOVE order is revoking the colleague's authorisations on the case.
     */
    @Transactional
    public void revoke(String caseNumber, UUID authorizationId) {
        Optional<CaseDirectory.CaseFacts> found = cases.find(CaseNumber.parse(caseNumber));
        CurrentUser me = access.require(AccessAction.AUTHORIZATION_REVOKED, found.map(Target::ofCase));
        CaseDirectory.CaseFacts facts = found.orElseThrow();
        int updated = jdbc.sql("update case_authorization set revoked_at = ?, revoked_by = ? where id = ? and case_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), me.id(), authorizationId, facts.caseId()).update();
        if (updated != 1) {
            throw new InvalidInputException("authorizationId", "Behörigheten finns inte eller är redan återkallad.");
        }
    }

    /** Carries out a REMOVE order: every authorisation the colleague holds on the case ends now. */
    @Transactional
    public void removeAsOrdered(UUID requestId) {
        CurrentUser me = access.require(AccessAction.AUTHORIZATION_REMOVED, Target.NONE);
        AuthorizationRequests.RequestRow request = requests.openRow(requestId);
        if (request.kind() != AuthorizationRequestView.Kind.REMOVE) {
            throw new InvalidInputException("requestId", "Beställningen gäller inte borttag av behörighet.");
        }
        access.require(AccessAction.AUTHORIZATION_REMOVED, Target.ofCase(request.facts()));
        jdbc.sql("update case_authorization set revoked_at = ?, revoked_by = ? where case_id = ? and user_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), me.id(), request.facts().caseId(), request.targetUserId()).update();
        requests.decide(requestId, "GRANTED", me, null);
    }

    /** Who has, had or will have access to the case (PROT-7, PROT-15). */
    @Transactional
    public List<CaseAuthorizationView> forCase(String caseNumber) {
        Optional<CaseDirectory.CaseFacts> found = cases.find(CaseNumber.parse(caseNumber));
        access.require(AccessAction.AUTHORIZATION_LIST, found.map(Target::ofCase));
        CaseDirectory.CaseFacts facts = found.orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<CaseAuthorizationView> list = jdbc.sql(SELECT + " where a.case_id = ? order by a.valid_to desc, u.full_name")
                .param(facts.caseId()).query((rs, n) -> view(rs, today)).list();
        if (access.has(AccessAction.AUTHORIZATION_HOLDER_UNITS, Target.ofCase(facts))) {
            return list;
        }
        return list.stream().map(CaseAuthorizationView::withoutUnit).toList();
    }

    /** A closed case whose authorisations still hold: LVS is to remove them (PROT-15, 002 §5.13, §7.7). */
    public record ClosedWithAccess(String caseNumber, String unitName, long authorizations) {}

    @Transactional(readOnly = true)
    public List<ClosedWithAccess> closedCasesWithAccess() {
        access.require(AccessAction.AUTHORIZATION_CLOSED_CASES, Target.NONE);
        LocalDate today = LocalDate.now(clock);
        java.util.Map<UUID, Long> live = new java.util.HashMap<>();
        jdbc.sql("select case_id, count(*) from case_authorization where revoked_at is null and valid_to >= ? group by case_id")
                .param(today).query((rs, n) -> live.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return cases.closedAmong(live.keySet()).stream()
                .map(f -> new ClosedWithAccess(f.number().value(), f.unitName(), live.get(f.caseId())))
                .toList();
    }

    /** The pre-checks LVS makes before granting (PROT-7), with who already has access. */
    @Transactional
    public PreGrant preGrant(String caseNumber) {
        Optional<CaseDirectory.CaseFacts> found = cases.find(CaseNumber.parse(caseNumber));
        access.require(AccessAction.AUTHORIZATION_PRECHECK, found.map(Target::ofCase));
        CaseDirectory.CaseFacts facts = found.orElseThrow();
        return new PreGrant(facts, forCase(caseNumber), cases.preCheck(facts));
    }

    public record PreGrant(CaseDirectory.CaseFacts facts, List<CaseAuthorizationView> current, CaseDirectory.PreCheck checks) {}

    /**
     * Marks authorisations whose period has ended. Access never depends on this (validity is
     * computed on read); it closes them in the record, on one node at a time.
     */
    @Scheduled(cron = "${omsorgsnav.access.expiry-cron:0 5 0 * * *}")
    @SchedulerLock(name = "authorization-expiry", lockAtMostFor = "PT10M")
    public void markExpiredOnSchedule() {
        markExpired();
    }

    /** Marks what has expired, in one transaction; returns how many. */
    public int markExpired() {
        return transaction.execute(status -> markExpiredNow());
    }

    private int markExpiredNow() {
        LocalDate today = LocalDate.now(clock);
        record Expired(UUID id, UUID caseId, UUID personId) {}
        List<Expired> expired = jdbc.sql("select id, case_id, person_id from case_authorization where expired_at is null and revoked_at is null and valid_to < ?")
                .param(today).query((rs, n) -> new Expired(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
                .list();
        if (expired.isEmpty()) {
            return 0;
        }
        jdbc.sql("update case_authorization set expired_at = ? where expired_at is null and revoked_at is null and valid_to < ?")
                .params(OffsetDateTime.now(clock), today).update();
        audit.recordAll(AuditActor.system("authorization-expiry"), expired.stream()
                .map(e -> new AuditEntry(e.personId(), e.caseId(), AuditAction.UPDATE, "AUTHORIZATION_EXPIRED", AuditOutcome.ALLOWED)).toList());
        return expired.size();
    }

    private static CaseAuthorizationView view(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate from = rs.getObject("valid_from", LocalDate.class);
        LocalDate to = rs.getObject("valid_to", LocalDate.class);
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        AuthorizationStatus status = revoked != null ? AuthorizationStatus.REVOKED
                : today.isBefore(from) ? AuthorizationStatus.NOT_YET_VALID
                : today.isAfter(to) ? AuthorizationStatus.EXPIRED : AuthorizationStatus.VALID;
        return new CaseAuthorizationView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("username"), rs.getString("full_name"), Role.valueOf(rs.getString("role")), rs.getString("unit_name"), from, to,
                status, rs.getString("granted_by"), rs.getObject("granted_at", OffsetDateTime.class), revoked);
    }

    /**
     * {@link #grant(Grant)} once per idempotency key of the current user (issue 15): the same key and
     * grant again answer the first authorisation's id, and nothing more is granted.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> grant(String idempotencyKey, Grant grant) {
        return idempotent.once(users.current().id(), idempotencyKey, "authorization.grant", grant, () -> grant(grant));
    }
}
