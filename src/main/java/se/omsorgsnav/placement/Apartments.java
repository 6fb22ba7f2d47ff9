package se.omsorgsnav.placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.IdempotentRequests;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The apartments of a nursing home (PLC-3), kept by the home's unit manager: number, care profile,
 * remarks such as "litet badrum", rent. A change carries the version it was made from, so that two
 * managers editing at once cannot overwrite each other unseen (optimistic locking).
 */
@Component
public class Apartments {

    static final String NOT_A_HOME = "Lägenheter hålls av enhetschefen för ett vård- och omsorgsboende.";

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AccessControl access;
    private final StaffDirectory staff;

    private final IdempotentRequests idempotent;

    Apartments(JdbcClient jdbc, CurrentUsers users, AccessControl access, StaffDirectory staff, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
        this.users = users;
        this.access = access;
        this.staff = staff;
    }

    public record ApartmentForm(String number, String careProfile, String remarks, String monthlyRent) {}

    /** My home's apartments by number, each with its coming or open vacancy (not one already filled); one statement. */
    @Transactional(readOnly = true)
    public List<ApartmentView> ofMyHome() {
        UUID home = requireHomeManager(PlacementAction.MANAGE_HOME);
        return jdbc.sql("""
                        select a.id, a.number, a.care_profile, a.remarks, a.monthly_rent, a.version, v.ready_on, v.reason
                        from apartment a
                          left join vacancy v on v.id = (select v2.id from vacancy v2 where v2.apartment_id = a.id
                                                         order by v2.event_date desc, v2.reported_at desc fetch first 1 rows only)
                            -- A vacancy someone has since accepted a place in is over.
                            and not exists (select 1 from allocation l where l.apartment_id = a.id and l.status = 'ACCEPTED'
                                            and l.allocated_at > v.reported_at)
                        where a.unit_id = ?
                        order by length(a.number), a.number
                        """)
                .param(home)
                .query((rs, n) -> new ApartmentView(rs.getObject(1, UUID.class), rs.getString(2), CareProfile.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBigDecimal(5), rs.getInt(6), rs.getObject(7, LocalDate.class), rs.getString(8)))
                .list();
    }

    /** Adds an apartment to my home; a number the home already has is refused. */
    @Transactional
    public UUID add(ApartmentForm form) {
        UUID home = requireHomeManager(PlacementAction.MANAGE_HOME);
        Valid v = validate(form);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("insert into apartment (id, unit_id, number, care_profile, remarks, monthly_rent, version) values (?, ?, ?, ?, ?, ?, 0)")
                    .params(id, home, v.number(), v.profile().name(), v.remarks(), v.rent()).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("number", "Boendet har redan en lägenhet med det numret.");
        }
        return id;
    }

    /** Changes an apartment of my home, from the version the manager saw. */
    @Transactional
    public void change(UUID id, int version, ApartmentForm form) {
        UUID home = requireHomeManager(PlacementAction.MANAGE_HOME);
        Valid v = validate(form);
        int changed;
        try {
            changed = jdbc.sql("""
                            update apartment set number = ?, care_profile = ?, remarks = ?, monthly_rent = ?, version = version + 1
                            where id = ? and unit_id = ? and version = ?
                            """)
                    .params(v.number(), v.profile().name(), v.remarks(), v.rent(), id, home, version).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("number", "Boendet har redan en lägenhet med det numret.");
        }
        if (changed == 0) {
            boolean mine = jdbc.sql("select count(*) from apartment where id = ? and unit_id = ?").params(id, home).query(Long.class).single() > 0;
            if (!mine) {
                // Another home's apartment answers as one that does not exist, and is audited alike (PROT-24).
                access.require(PlacementAction.MANAGE_HOME, java.util.Optional.empty());
            }
            throw new InvalidInputException("version", "Lägenheten har ändrats av någon annan sedan du öppnade den. Ladda om sidan och gör ändringen igen.");
        }
    }

    /** Whether my unit is a nursing home: the start page asks the placement catalogue about the home one works at. */
    @Transactional(readOnly = true)
    public boolean worksAtAHome() {
        CurrentUser me = users.current();
        return isNursingHome(me.unitId());
    }

    /** Whether the unit is a nursing home: the one test of "a home" for every placement role check. */
    boolean isNursingHome(UUID unitId) {
        return staff.isNursingHome(unitId);
    }

    /** My unit, if it is a nursing home; else null, which no "own unit" rule lets through. */
    UUID myHome() {
        CurrentUser me = users.current();
        return isNursingHome(me.unitId()) ? me.unitId() : null;
    }

    /** The home (unit) I work at, if the action is mine to do there; else "Behörighet saknas", recorded under the action. */
    UUID requireHomeManager(PlacementAction action) {
        UUID home = myHome();
        access.require(action, Target.unit(home));
        return home;
    }

    private record Valid(String number, CareProfile profile, String remarks, BigDecimal rent) {}

    private static Valid validate(ApartmentForm form) {
        String number = FreeText.required("number", "Lägenhetsnumret", form.number(), 20);
        CareProfile profile;
        try {
            profile = CareProfile.valueOf(form.careProfile() == null ? "" : form.careProfile());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("careProfile", "Välj inriktning: somatisk eller demens.");
        }
        String remarks = FreeText.optional("remarks", "Övrigt om lägenheten", form.remarks(), 500);
        BigDecimal rent = null;
        if (form.monthlyRent() != null && !form.monthlyRent().isBlank()) {
            try {
                rent = new BigDecimal(form.monthlyRent().replace(" ", "").replace("\u00a0", "").replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("monthlyRent", "Hyran ska vara ett belopp i kronor, till exempel 6500.");
            }
            if (rent.signum() < 0 || rent.compareTo(new BigDecimal("99999999")) > 0) {
                throw new InvalidInputException("monthlyRent", "Hyran ska vara ett belopp i kronor, till exempel 6500.");
            }
        }
        return new Valid(number, profile, remarks, rent);
    }

    /**
     * {@link #add(ApartmentForm)} once per idempotency key of the current user (issue 15): the same key
     * and request again answer the first apartment's id, and nothing more is done.
     */
    @Transactional
    public IdempotentRequests.Outcome<UUID> add(String idempotencyKey, ApartmentForm form) {
        return idempotent.once(users.current().id(), idempotencyKey, "placement.apartment", form, () -> add(form));
    }
}
