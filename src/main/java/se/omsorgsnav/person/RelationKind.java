package se.omsorgsnav.person;

/** How two persons are linked. Any link to a protected person locks the other (PROT-5). */
public enum RelationKind {
    RELATIVE("Anhörig"),
    CO_RESIDENT("Medboende"),
    CONTACT_PERSON("Kontaktperson");

    private final String label;

    RelationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
