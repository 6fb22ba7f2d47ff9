package se.omsorgsnav.placement;

/** Why an apartment is or will be free (PLC-3). */
public enum VacancyReason {
    DEATH("Avliden"), MOVE_OUT("Utflyttning"), RENOVATION("Renovering");

    private final String label;

    VacancyReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
