package se.omsorgsnav.audit;

/** What the reviewer concluded (AUD-3). */
public enum ReviewOutcome {
    NO_REMARKS("Inga anmärkningar"),
    REMARKS("Anmärkningar som följs upp med berörda"),
    SUSPECTED_BREACH("Misstänkt obehörig åtkomst – hanteras som personuppgiftsincident");

    private final String label;

    ReviewOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
