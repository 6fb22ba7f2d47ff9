package se.omsorgsnav.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The rule vocabulary every module's catalogue is built from ({@link Action}): who may do an
 * action, decided on the user and the {@link Target}'s facts. A rule is a value: it can be
 * decided for one target ({@link AccessControl#require}), for a list in one query
 * ({@link AccessControl#filter}), rendered as a SQL predicate, and read back as text for the
 * documentation and the authorisation matrix. Modules combine the terms; they never write a role
 * check of their own.
 * <p>
 * A rule fails closed: a term that cannot be decided (no user, no unit, no case) denies.
 */
public final class Rule {

    /** How a rule ends: allowed, denied, or allowed once the user has confirmed with the PIN (PROT-10). */
    enum Verdict {
        DENIED, STEP_UP, ALLOWED;

        Verdict and(Verdict other) {
            return compareTo(other) <= 0 ? this : other;
        }

        Verdict or(Verdict other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    /** A term's SQL: the columns of the row it is decided on, and the user's facts as parameters. */
    interface Sql {
        String render(RowFilter.Columns columns, Facts facts);
    }

    private final String text;
    private final BiFunction<Facts, Target, Verdict> decide;
    private final Sql sql;

    private Rule(String text, BiFunction<Facts, Target, Verdict> decide, Sql sql) {
        this.text = text;
        this.decide = decide;
        this.sql = sql;
    }

    Verdict decide(Facts facts, Target target) {
        if (facts.user() == null) {
            return Verdict.DENIED;
        }
        return decide.apply(facts, target);
    }

    String sql(RowFilter.Columns columns, Facts facts) {
        return sql.render(columns, facts);
    }

    private static Verdict of(boolean allowed) {
        return allowed ? Verdict.ALLOWED : Verdict.DENIED;
    }

    private static String constant(boolean allowed) {
        return allowed ? "1 = 1" : "1 = 0";
    }

    // ---- the vocabulary -------------------------------------------------------------------

    /** Any logged-in member of staff. */
    public static Rule anyone() {
        return new Rule("inloggad", (f, t) -> Verdict.ALLOWED, (c, f) -> constant(true));
    }

    /** Nobody: an action that exists only to be refused and audited (a record composed by hand). */
    public static Rule nobody() {
        return new Rule("ingen", (f, t) -> Verdict.DENIED, (c, f) -> constant(false));
    }

    /** The user holds one of these roles. */
    public static Rule role(Role... roles) {
        Set<Role> allowed = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        String text = allowed.stream().map(Role::name).sorted().collect(Collectors.joining(", ", "roll(", ")"));
        return new Rule(text, (f, t) -> of(allowed.contains(f.user().role())), (c, f) -> constant(allowed.contains(f.user().role())));
    }

    /** The thing belongs to the user's own unit (the case's unit, the home of an apartment). */
    public static Rule ownUnit() {
        return new Rule("egen enhet",
                (f, t) -> of(t.unitId() != null && t.unitId().equals(f.user().unitId())),
                (c, f) -> f.user().unitId() == null ? constant(false) : c.required("unit", c.unit()) + " = :ac_unit");
    }

    /** The user is the case's responsible officer (the case relation). */
    public static Rule caseOfficer() {
        return new Rule("ansvarig handläggare",
                (f, t) -> of(t.caseOfficer() != null && t.caseOfficer().equals(f.user().id())),
                (c, f) -> c.required("caseOfficer", c.caseOfficer()) + " = :ac_user");
    }

    /**
     * The user holds a valid personal authorisation for the target's case (PROT-3, PROT-26: it opens
     * the case it names), or, for a target that is a person without a case, for a case of that
     * person. Never for a fee officer (PROT-9).
     */
    public static Rule authorised() {
        return new Rule("behörighet för ärendet",
                (f, t) -> of(t.caseId() != null ? f.authorisedForCase(t.caseId()) : t.personId() != null && f.authorisedForPerson(t.personId())),
                (c, f) -> f.user().is(Role.FEE_OFFICER) ? constant(false) : c.caseId() != null
                        ? "exists (select 1 from case_authorization ac_ca where ac_ca.case_id = " + c.caseId() + VALID_GRANT + ")"
                        : "exists (select 1 from case_authorization ac_ca where ac_ca.person_id = " + c.required("personId", c.personId()) + VALID_GRANT + ")");
    }

    private static final String VALID_GRANT = " and ac_ca.user_id = :ac_user and ac_ca.revoked_at is null"
            + " and ac_ca.valid_from <= :ac_today and ac_ca.valid_to >= :ac_today";

    /** The user has confirmed with the PIN recently (PROT-10); until then the verdict is "confirm first". */
    public static Rule confirmed() {
        return new Rule("bekräftad med PIN", (f, t) -> f.confirmed() ? Verdict.ALLOWED : Verdict.STEP_UP,
                (c, f) -> constant(f.confirmed()));
    }

    /** The rule applies only when the target's person is locked today; an unlocked target passes. */
    public static Rule ifLocked(Rule rule) {
        return new Rule("om skyddad: " + rule.text,
                (f, t) -> t.locked() ? rule.decide(f, t) : Verdict.ALLOWED,
                (c, f) -> "(not (" + c.required("locked", c.locked()) + ") or (" + rule.sql(c, f) + "))");
    }

    /** A protected person's data only with a valid authorisation for the case, confirmed with the PIN. */
    public static Rule authorisedIfLocked() {
        return ifLocked(authorised().and(confirmed()));
    }

    /** The user holds the right to grant authorisations (LVS, PROT-6). */
    public static Rule grantRight() {
        return new Rule("beviljanderätt", (f, t) -> of(f.user().grantRight()), (c, f) -> constant(f.user().grantRight()));
    }

    /** The user is one the thing names: a message's sender or recipient. */
    public static Rule namedUser() {
        return new Rule("namngiven användare", (f, t) -> of(t.users().contains(f.user().id())), Rule::noSql);
    }

    /** The user is none of those the thing names: nobody grants or confirms for themselves (fault 14). */
    public static Rule notNamedUser() {
        return new Rule("inte namngiven användare", (f, t) -> of(!t.users().contains(f.user().id())), Rule::noSql);
    }

    /**
     * The user is the agreed maker of a placement offer (PLC-11): the home's unit manager of the
     * target's unit, a placement coordinator, or the case's own officer.
     */
    public static Rule agreedMaker() {
        return new Rule("överenskommen erbjudare", (f, t) -> {
            Role maker = t.agreedMaker();
            CurrentUser u = f.user();
            if (maker == null) {
                return Verdict.DENIED;
            }
            return of(switch (maker) {
                case UNIT_MANAGER -> u.is(Role.UNIT_MANAGER) && t.unitId() != null && t.unitId().equals(u.unitId());
                case PLACEMENT_COORDINATOR -> u.is(Role.PLACEMENT_COORDINATOR);
                case CASE_OFFICER, SENIOR_CASE_OFFICER -> (u.is(Role.CASE_OFFICER) || u.is(Role.SENIOR_CASE_OFFICER))
                        && t.caseOfficer() != null && t.caseOfficer().equals(u.id());
                default -> false;
            });
        }, Rule::noSql);
    }

    private static String noSql(RowFilter.Columns columns, Facts facts) {
        throw new IllegalStateException("Regeln har ingen SQL-form; använd AccessControl.filter med en lista");
    }

    // ---- combining --------------------------------------------------------------------------

    public Rule and(Rule other) {
        return new Rule("(" + text + " och " + other.text + ")", (f, t) -> decide(f, t).and(other.decide(f, t)),
                (c, f) -> "(" + sql(c, f) + " and " + other.sql(c, f) + ")");
    }

    public Rule or(Rule other) {
        return new Rule("(" + text + " eller " + other.text + ")", (f, t) -> decide(f, t).or(other.decide(f, t)),
                (c, f) -> "(" + sql(c, f) + " or " + other.sql(c, f) + ")");
    }

    /** The rule in words, for the documentation and the matrix. */
    @Override
    public String toString() {
        return text;
    }
}
