package se.omsorgsnav.person;

import java.time.LocalDate;
import java.util.List;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * A person to register, already parsed at the edge. Relatives are registered with them, or
 * linked when already in the register. Nothing about fingerade personuppgifter has a field here
 * (PROT-1).
 */
public record NewPerson(PersonalIdentityNumber personalIdentityNumber, String firstName, String lastName,
                        String streetAddress, String postalCode, String city, String phone,
                        ProtectionLevel protectionLevel, String fictitiousName, LocalDate dateOfDeath,
                        List<NewRelation> relations) {

    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 200;

    public NewPerson {
        if (personalIdentityNumber == null) {
            throw new InvalidInputException("personalIdentityNumber", "Ange personnummer.");
        }
        firstName = required("firstName", "Förnamn", firstName, MAX_NAME);
        lastName = required("lastName", "Efternamn", lastName, MAX_NAME);
        streetAddress = optional("streetAddress", "Adress", streetAddress, MAX_TEXT);
        postalCode = optional("postalCode", "Postnummer", postalCode, 10);
        city = optional("city", "Postort", city, MAX_NAME);
        phone = optional("phone", "Telefon", phone, 40);
        fictitiousName = optional("fictitiousName", "Fiktivt namn", fictitiousName, MAX_TEXT);
        protectionLevel = protectionLevel == null ? ProtectionLevel.NONE : protectionLevel;
        if (fictitiousName != null && !protectionLevel.isProtected()) {
            throw new InvalidInputException("fictitiousName", "Fiktivt namn kan bara anges för en person med skyddade personuppgifter.");
        }
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** A relative, co-resident or contact person of the person being registered. */
    public record NewRelation(RelationKind kind, PersonalIdentityNumber personalIdentityNumber, String firstName,
                              String lastName, String streetAddress, String postalCode, String city, String phone) {
        public NewRelation {
            if (kind == null) {
                throw new InvalidInputException("relations", "Ange vilken sorts koppling det är.");
            }
            if (personalIdentityNumber == null) {
                throw new InvalidInputException("relations", "Ange personnummer för den kopplade personen.");
            }
        }

        NewPerson asPerson() {
            return new NewPerson(personalIdentityNumber, firstName, lastName, streetAddress, postalCode, city, phone,
                    ProtectionLevel.NONE, null, null, List.of());
        }
    }

    private static String required(String field, String label, String value, int max) {
        return FreeText.required(field, label, value, max);
    }

    private static String optional(String field, String label, String value, int max) {
        return FreeText.optional(field, label, value, max);
    }
}
