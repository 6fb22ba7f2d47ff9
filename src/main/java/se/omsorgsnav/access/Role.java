package se.omsorgsnav.access;

/** The roles of the glossary, with the Swedish title a user sees. */
public enum Role {
    CASE_OFFICER("Biståndshandläggare"),
    SENIOR_CASE_OFFICER("Förste socialsekreterare"),
    UNIT_MANAGER("Enhetschef"),
    PLACEMENT_COORDINATOR("Boendesamordnare"),
    ADMIN_ASSISTANT("Administrativ assistent"),
    OPERATIONS_LEAD("Verksamhetsledare"),
    FEE_OFFICER("Avgiftshandläggare"),
    HOME_CARE_PLANNER("Planerare hemtjänst"),
    ALARM_OPERATOR("Larmoperatör"),
    SYSTEM_SUPPORT("Lokalt verksamhetsstöd (LVS)"),
    SOCIAL_SAFETY_COORDINATOR("Socialt ansvarig samordnare (SAS)");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Stored name to title, for pages and exports that show stored roles. */
    public static final java.util.Map<String, String> TITLES = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Enum::name, Role::title));

    /** Spring Security's authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
