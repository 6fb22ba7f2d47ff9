package se.omsorgsnav.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What may leave the person module about one person, for one user. A masked view has the same
 * shape with every identifying field null and {@code masked} true, so that a template or JSON
 * writer cannot print what it was not given. {@code personalIdentityNumber} is then the birth year
 * only ("1942XXXX-XXXX") and {@code fictitiousName} the agreed alias only for staff of a unit that
 * performs her services, else null (PROT-13).
 */
public record PersonView(
        UUID id,
        String personalIdentityNumber,
        int birthYear,
        String firstName,
        String lastName,
        String streetAddress,
        String postalCode,
        String city,
        String phone,
        ProtectionLevel protectionLevel,
        String fictitiousName,
        LocalDate dateOfDeath,
        boolean masked,
        boolean locked,
        List<RelationView> relations) {

    /** What to call the person on a page: the name, else the alias, else the masked number. */
    public String displayName() {
        if (!masked) {
            return firstName + " " + lastName;
        }
        return fictitiousName != null ? fictitiousName : "Skyddad person";
    }

    /** An authorised user sees the protection, so that they handle the person with care (PROT-21). */
    public boolean showProtectionBanner() {
        return !masked && locked;
    }

    /** A relation as seen from this person, with the related person disclosed through the same gate. */
    public record RelationView(RelationKind kind, PersonView person) {}
}
