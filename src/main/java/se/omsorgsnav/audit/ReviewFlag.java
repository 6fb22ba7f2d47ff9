package se.omsorgsnav.audit;

/** Why an event is on a log review (AUD-3, AUD-4), with the words the reviewer sees. */
public enum ReviewFlag {
    SAMPLE("Stickprov"),
    PROTECTED_PERSON("Skyddad person"),
    NO_CASE_RELATION("Ingen ärendekoppling"),
    OUTSIDE_WORKING_HOURS("Utanför arbetstid"),
    MANY_PERSONS("Många personer på kort tid"),
    DENIED("Nekad åtkomst");

    private final String label;

    ReviewFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
