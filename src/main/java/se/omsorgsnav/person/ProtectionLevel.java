package se.omsorgsnav.person;

/**
 * The one protection level a person carries (PROT-1). Fingerade personuppgifter are not a level:
 * the system never records them (002 §1).
 */
public enum ProtectionLevel {
    NONE("Ingen"),
    CONFIDENTIALITY_MARKING("Sekretessmarkering"),
    PROTECTED_REGISTRATION("Skyddad folkbokföring"),
    LOCAL_PROTECTION("Lokalt skydd");

    private final String label;

    ProtectionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isProtected() {
        return this != NONE;
    }
}
