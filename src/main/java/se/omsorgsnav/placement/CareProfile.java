package se.omsorgsnav.placement;

/** A nursing home's care profile ("inriktning"): somatic care or dementia care. */
public enum CareProfile {
    SOMATIC("Somatisk"), DEMENTIA("Demens");

    private final String label;

    CareProfile(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
