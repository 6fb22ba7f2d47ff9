package se.omsorgsnav.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Users and units, as other modules need to name and choose them. */
@Component
public class StaffDirectory {

    private final JdbcClient jdbc;

    StaffDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A colleague; the user name is how orders, intakes and grants name them. */
    public record StaffView(UUID id, String username, String fullName, Role role, UUID unitId, String unitName) {}

    public record UnitView(UUID id, String name, String administration) {}

    private static final String STAFF = """
            select u.id, u.username, u.full_name, u.role, u.unit_id, un.name as unit_name
            from app_user u join unit un on un.id = u.unit_id
            """;

    public Optional<StaffView> find(UUID userId) {
        return jdbc.sql(STAFF + " where u.id = ?").param(userId).query(StaffDirectory::staff).optional();
    }

    /** Staff by id, for a list that names who did what: one query for the whole list. */
    public java.util.Map<UUID, StaffView> findAll(java.util.Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql(STAFF + " where u.id in (:ids)").param("ids", userIds).query(StaffDirectory::staff).list().stream()
                .collect(java.util.stream.Collectors.toMap(StaffView::id, v -> v));
    }

    /** Units by id, for a list that names units: one query for the whole list. */
    public java.util.Map<UUID, UnitView> unitsById(java.util.Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("select id, name, administration from unit where id in (:ids)").param("ids", unitIds)
                .query((rs, n) -> new UnitView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("administration")))
                .list().stream().collect(java.util.stream.Collectors.toMap(UnitView::id, v -> v));
    }

    /** An enabled member of staff by user name, as colleagues name each other in orders and intakes. */
    public Optional<StaffView> findEnabled(String username) {
        return jdbc.sql(STAFF + " where u.username = ? and u.enabled").param(username == null ? "" : username.strip())
                .query(StaffDirectory::staff).optional();
    }

    /** Who can be made responsible for a case. */
    public List<StaffView> caseOfficers() {
        return jdbc.sql(STAFF + " where u.enabled and u.role in ('CASE_OFFICER', 'SENIOR_CASE_OFFICER') order by u.full_name")
                .query(StaffDirectory::staff).list();
    }

    /** Who can receive an intake in a unit: its case officers (002 §2.4, "Mottagare"). */
    public List<StaffView> caseOfficersOf(UUID unitId) {
        return jdbc.sql(STAFF + " where u.unit_id = ? and u.enabled and u.role in ('CASE_OFFICER', 'SENIOR_CASE_OFFICER') order by u.full_name")
                .param(unitId).query(StaffDirectory::staff).list();
    }

    /**
     * The colleagues in a unit LVS may grant access to, to choose from: everyone enabled but fee
     * officers, who are never granted (PROT-9). A unit, not the whole staff register, so that the
     * list stays short in a large municipality; anyone else is named by user name.
     */
    public List<StaffView> grantableIn(UUID unitId) {
        return jdbc.sql(STAFF + " where u.unit_id = ? and u.enabled and u.role <> 'FEE_OFFICER' order by u.full_name")
                .param(unitId).query(StaffDirectory::staff).list();
    }

    /** Every unit, for filters that span the whole organisation (the log review). */
    public List<UnitView> units() {
        return jdbc.sql("select id, name, administration from unit order by name")
                .query((rs, n) -> new UnitView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("administration")))
                .list();
    }

    /** Units of the authority (myndighet), which are responsible for cases; providers are not. */
    public List<UnitView> caseUnits() {
        return jdbc.sql("select id, name, administration from unit where kind = 'AUTHORITY' order by name")
                .query((rs, n) -> new UnitView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("administration")))
                .list();
    }

    public Optional<UnitView> caseUnit(UUID unitId) {
        return jdbc.sql("select id, name, administration from unit where id = ? and kind = 'AUTHORITY'").param(unitId)
                .query((rs, n) -> new UnitView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("administration")))
                .optional();
    }

    private static StaffView staff(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StaffView(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("full_name"), Role.valueOf(rs.getString("role")),
                rs.getObject("unit_id", UUID.class), rs.getString("unit_name"));
    }

    // ---- placement (issue 14 §2): is the agreed offer maker authorised? ---------------------------

    /**
     * Whether an enabled member of staff — this user, or anyone of this role in this unit — holds a
     * valid, unrevoked authorisation for the case today; never a fee officer (PROT-9). Placement asks
     * it when an allocation names someone else as a protected person's offer maker. One query.
     */
    public boolean authorisedFor(UUID caseId, UUID userId, UUID unitId, Role role, java.time.LocalDate today) {
        return jdbc.sql("""
                        select count(*) from case_authorization ca join app_user u on u.id = ca.user_id
                        where ca.case_id = :case and ca.revoked_at is null and ca.valid_from <= :today and ca.valid_to >= :today
                          and u.enabled and u.role <> 'FEE_OFFICER'
                          and (u.id = :user or (u.unit_id = :unit and u.role = :role))
                        """)
                .param("case", caseId).param("today", today).param("user", userId).param("unit", unitId)
                .param("role", role == null ? null : role.name())
                .query(Long.class).single() > 0;
    }

    /** Whether the unit is a nursing home (placement's homes are units of that kind). One query. */
    public boolean isNursingHome(UUID unitId) {
        return unitId != null
                && jdbc.sql("select count(*) from unit where id = ? and kind = 'NURSING_HOME'").param(unitId).query(Long.class).single() > 0;
    }

    /** The nursing homes by name, for placement's forms and statistics. One query. */
    public List<UnitView> nursingHomes() {
        return jdbc.sql("select id, name, administration from unit where kind = 'NURSING_HOME' order by name, id")
                .query((rs, n) -> new UnitView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("administration")))
                .list();
    }

    // ---- messaging (issue 14: modules stop reading other modules' tables) -------------------------

    /**
     * The enabled users of these user names, by name: one query for a message's recipients. A name
     * missing from the answer is unknown or disabled, which the caller answers alike.
     */
    public java.util.Map<String, UUID> enabledByUsername(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("select username, id from app_user where username in (:names) and enabled").param("names", usernames)
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** Which of these users are enabled, e.g. the members of a message group a message reaches now. One query. */
    public java.util.Set<UUID> enabledAmong(java.util.Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from app_user where id in (:ids) and enabled").param("ids", userIds)
                .query(UUID.class).list());
    }

    /** The e-mail addresses of these users that are enabled and have one, ordered, for a notice that names nothing. One query. */
    public List<String> emailAddressesOf(java.util.Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select email from app_user where id in (:ids) and enabled and email is not null order by email")
                .param("ids", userIds).query(String.class).list();
    }
}
