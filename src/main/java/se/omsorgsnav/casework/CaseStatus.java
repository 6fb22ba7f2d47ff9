package se.omsorgsnav.casework;

public enum CaseStatus {
    OPEN("Öppet"),
    CLOSED("Avslutat");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
