package se.omsorgsnav.person.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.omsorgsnav.person.NewPerson;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.person.RelationKind;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/** The registration form as typed; parsed into a {@link NewPerson} at the edge. */
public class PersonForm {

    static final int RELATION_ROWS = 2;

    private String personalIdentityNumber;
    private String firstName;
    private String lastName;
    private String streetAddress;
    private String postalCode;
    private String city;
    private String phone;
    private String protectionLevel = ProtectionLevel.NONE.name();
    private String fictitiousName;
    private List<RelationForm> relations = new ArrayList<>();

    static PersonForm empty() {
        return new PersonForm().withRelationRows();
    }

    /** Always offer the blank relative rows, also when the form comes back with an error. */
    PersonForm withRelationRows() {
        while (relations.size() < RELATION_ROWS) {
            relations.add(new RelationForm());
        }
        return this;
    }

    NewPerson toNewPerson(LocalDate today) {
        List<NewPerson.NewRelation> parsed = new ArrayList<>();
        for (RelationForm r : relations) {
            if (r.isBlank()) {
                continue;
            }
            parsed.add(new NewPerson.NewRelation(parseKind(r.getKind()), parse(r.getPersonalIdentityNumber(), today),
                    r.getFirstName(), r.getLastName(), null, null, null, r.getPhone()));
        }
        return new NewPerson(parse(personalIdentityNumber, today), firstName, lastName, streetAddress, postalCode, city,
                phone, parseLevel(protectionLevel), fictitiousName, null, parsed);
    }

    private static PersonalIdentityNumber parse(String value, LocalDate today) {
        return value == null || value.isBlank() ? null : PersonalIdentityNumber.parse(value, today);
    }

    private static ProtectionLevel parseLevel(String value) {
        try {
            return value == null || value.isBlank() ? ProtectionLevel.NONE : ProtectionLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("protectionLevel", "Välj en skyddsnivå i listan.");
        }
    }

    private static RelationKind parseKind(String value) {
        try {
            return value == null || value.isBlank() ? null : RelationKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("relations", "Välj en sorts koppling i listan.");
        }
    }

    /** One relative row of the form. */
    public static class RelationForm {
        private String kind;
        private String personalIdentityNumber;
        private String firstName;
        private String lastName;
        private String phone;

        boolean isBlank() {
            return blank(personalIdentityNumber) && blank(firstName) && blank(lastName) && blank(phone);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getPersonalIdentityNumber() { return personalIdentityNumber; }
        public void setPersonalIdentityNumber(String v) { this.personalIdentityNumber = v; }
        public String getFirstName() { return firstName; }
        public void setFirstName(String v) { this.firstName = v; }
        public String getLastName() { return lastName; }
        public void setLastName(String v) { this.lastName = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { this.phone = v; }
    }

    public String getPersonalIdentityNumber() { return personalIdentityNumber; }
    public void setPersonalIdentityNumber(String v) { this.personalIdentityNumber = v; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String v) { this.firstName = v; }
    public String getLastName() { return lastName; }
    public void setLastName(String v) { this.lastName = v; }
    public String getStreetAddress() { return streetAddress; }
    public void setStreetAddress(String v) { this.streetAddress = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { this.postalCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { this.city = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { this.phone = v; }
    public String getProtectionLevel() { return protectionLevel; }
    public void setProtectionLevel(String v) { this.protectionLevel = v; }
    public String getFictitiousName() { return fictitiousName; }
    public void setFictitiousName(String v) { this.fictitiousName = v; }
    public List<RelationForm> getRelations() { return relations; }
    public void setRelations(List<RelationForm> v) { this.relations = v; }
}
