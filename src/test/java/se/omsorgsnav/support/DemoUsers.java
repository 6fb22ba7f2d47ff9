package se.omsorgsnav.support;

/** The demo users the tests log in as (seeded by the demo data; see README). */
public final class DemoUsers {

    public static final String PASSWORD = "Omsorg2026!";
    public static final String PIN = "246810";
    /** Case officer with a valid authorisation for Astrid Karlsson's case. */
    public static final String AUTHORISED = "handlaggare";
    /** Case officer in another unit, with no authorisations. */
    public static final String UNAUTHORISED = "handlaggare2";
    public static final String SYSTEM_SUPPORT = "lvs";
    public static final String UNIT_MANAGER = "enhetschef";

    /** Astrid Karlsson: skyddad folkbokföring, alias "Rut Berg", relative Olle, co-resident Sven. */
    public static final String PROTECTED_PIN = "19420310-9147";
    public static final String PROTECTED_NAME = "Astrid";
    public static final String PROTECTED_ALIAS = "Rut Berg";
    /** Olle Karlsson: no protection of his own, locked as Astrid's relative (PROT-5). */
    public static final String LINKED_PIN = "19680913-9295";
    /** Greta Andersson: no protection. */
    public static final String ORDINARY_PIN = "19380508-9145";

    private DemoUsers() {}
}
