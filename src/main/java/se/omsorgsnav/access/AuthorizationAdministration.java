package se.omsorgsnav.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
import se.omsorgsnav.shared.InvalidInputException;

/**
 * Granting, revoking and listing personal authorisations (PROT-6, PROT-7, PROT-9, PROT-15).
 * Only LVS users who hold the grant right may grant; a unit manager may revoke on the unit's
 * cases. Every transition is audited, refusals included.
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
    private final CurrentUsers users;
    private final CaseDirectory cases;
    private final AuthorizationRequests requests;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AuthorizationAdministration(JdbcClient jdbc, CurrentUsers users, CaseDirectory cases, AuthorizationRequests requests,
                                AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.users = users;
        this.cases = cases;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    public record Grant(String caseNumber, String username, LocalDate validFrom, LocalDate validTo, UUID requestId) {}

    /** LVS grants a colleague access to one protected case for a period (PROT-6). */
    @Transactional
    public UUID grant(Grant grant) {
        CurrentUser me = requireGrantRight(users, audit, "AUTHORIZATION_GRANTED");
        CaseDirectory.CaseFacts facts = cases.find(CaseNumber.parse(grant.caseNumber()))
                .orElseThrow(() -> new InvalidInputException("caseNumber", "Det finns inget ärende med det ärendenumret."));
        if (!facts.open()) {
            throw new InvalidInputException("caseNumber", "Ärendet är avslutat: behörigheter ges bara till öppna ärenden.");
        }
        StaffUser target = StaffUser.find(jdbc, grant.username())
                .orElseThrow(() -> new InvalidInputException("username", "Det finns ingen användare med det användarnamnet."));
        if (target.role() == Role.FEE_OFFICER) {
            // PROT-9: refused whatever the request says; the refusal itself is on record.
            audit.recordDenial(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.CREATE, "AUTHORIZATION_GRANTED", AuditOutcome.DENIED));
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
        audit.record(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.CREATE, "AUTHORIZATION_GRANTED", AuditOutcome.ALLOWED));
        return id;
    }

    /**
     * Revokes an authorisation: LVS with the grant right, or the unit manager of the case's unit
     * (PROT-15). Granting a REMOVE order is revoking the colleague's authorisations on the case.
     */
    @Transactional
    public void revoke(String caseNumber, UUID authorizationId) {
        CaseDirectory.CaseFacts facts = cases.find(CaseNumber.parse(caseNumber)).orElseThrow(AccessDenied::new);
        CurrentUser me = requireAdministers(facts, "AUTHORIZATION_REVOKED");
        int updated = jdbc.sql("update case_authorization set revoked_at = ?, revoked_by = ? where id = ? and case_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), me.id(), authorizationId, facts.caseId()).update();
        if (updated != 1) {
            throw new InvalidInputException("authorizationId", "Behörigheten finns inte eller är redan återkallad.");
        }
        audit.record(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.UPDATE, "AUTHORIZATION_REVOKED", AuditOutcome.ALLOWED));
    }

    /** Carries out a REMOVE order: every authorisation the colleague holds on the case ends now. */
    @Transactional
    public void removeAsOrdered(UUID requestId) {
        CurrentUser me = requireGrantRight(users, audit, "AUTHORIZATION_REVOKED");
        AuthorizationRequests.RequestRow request = requests.openRow(requestId);
        if (request.kind() != AuthorizationRequestView.Kind.REMOVE) {
            throw new InvalidInputException("requestId", "Beställningen gäller inte borttag av behörighet.");
        }
        jdbc.sql("update case_authorization set revoked_at = ?, revoked_by = ? where case_id = ? and user_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), me.id(), request.facts().caseId(), request.targetUserId()).update();
        requests.decide(requestId, "GRANTED", me, null);
        audit.record(users.actor(), new AuditEntry(request.facts().personId(), request.facts().caseId(), AuditAction.UPDATE,
                "AUTHORIZATION_REVOKED", AuditOutcome.ALLOWED));
    }

    /** Who has, had or will have access to the case (PROT-7, PROT-15). */
    @Transactional
    public List<CaseAuthorizationView> forCase(String caseNumber) {
        CaseDirectory.CaseFacts facts = cases.find(CaseNumber.parse(caseNumber)).orElseThrow(AccessDenied::new);
        requireAdministers(facts, "AUTHORIZATION_LIST");
        LocalDate today = LocalDate.now(clock);
        List<CaseAuthorizationView> list = jdbc.sql(SELECT + " where a.case_id = ? order by a.valid_to desc, u.full_name")
                .param(facts.caseId()).query((rs, n) -> view(rs, today)).list();
        audit.record(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.VIEW, "AUTHORIZATION_LIST", AuditOutcome.ALLOWED));
        return list;
    }

    /** A closed case whose authorisations still hold: LVS is to remove them (PROT-15, 002 §5.13, §7.7). */
    public record ClosedWithAccess(String caseNumber, String unitName, long authorizations) {}

    @Transactional(readOnly = true)
    public List<ClosedWithAccess> closedCasesWithAccess() {
        requireGrantRight(users, audit, "AUTHORIZATION_LIST");
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
        requireGrantRight(users, audit, "AUTHORIZATION_PRECHECK");
        CaseDirectory.CaseFacts facts = cases.find(CaseNumber.parse(caseNumber)).orElseThrow(AccessDenied::new);
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

    static CurrentUser requireGrantRight(CurrentUsers users, AuditLog audit, String purpose) {
        CurrentUser me = users.current();
        if (!me.is(Role.SYSTEM_SUPPORT) || !me.grantRight()) {
            audit.recordDenial(users.actor(), new AuditEntry(null, null, AuditAction.UPDATE, purpose, AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        return me;
    }

    private CurrentUser requireAdministers(CaseDirectory.CaseFacts facts, String purpose) {
        CurrentUser me = users.current();
        boolean lvs = me.is(Role.SYSTEM_SUPPORT) && me.grantRight();
        boolean manager = me.is(Role.UNIT_MANAGER) && me.unitId().equals(facts.unitId());
        if (!lvs && !manager) {
            audit.recordDenial(users.actor(), new AuditEntry(facts.personId(), facts.caseId(), AuditAction.VIEW, purpose, AuditOutcome.DENIED));
            throw new AccessDenied();
        }
        return me;
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
}
