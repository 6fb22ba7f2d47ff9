package se.omsorgsnav.casework;

import java.time.LocalDate;
import java.util.regex.Pattern;
import se.omsorgsnav.person.ProtectionLevel;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/**
 * The eleven facts of an intake for a protected person without an earlier case (002 §2.4), in the
 * routine's order, plus what LVS needs to register the person and to authorise the receiver.
 * Checked on construction: a half-filled intake never reaches the database.
 */
public record NewIntake(
        java.util.UUID receivingUnitId,          // 1 Mottagande enhet
        String receiverUsername,                 // 2 Mottagare
        String receiverTitle,                    // 3 Befattning
        String operation,                        // 4 Verksamhet (ÄO)
        PersonalIdentityNumber personalIdentityNumber, String firstName, String lastName, // 5 Personnummer och namn
        ProtectionLevel protectionLevel, String fictitiousName,
        String concerns,                         // 6 Vad aktualiseringen avser
        String preliminaryCaseType,              // 7 Preliminär ärendetyp
        Kind kind,                               // 8 Anmälan eller ansökan
        LocalDate receivedOn,                    // 9 Mottaget datum
        ArrivalMethod arrivalMethod,             // 10 Ankomstsätt
        ArrivedFrom arrivedFrom, String arrivedFromName, String arrivedFromContact, // 11 Ankom ifrån
        LocalDate authorizedUntil) {

    public enum Kind {
        APPLICATION("Ansökan"), REPORT("Anmälan");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ArrivalMethod {
        LETTER("Brev"), PHONE("Telefon"), E_SERVICE("E-tjänst"), VISIT("Besök"), OTHER_AUTHORITY("Från annan myndighet");

        private final String label;

        ArrivalMethod(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ArrivedFrom {
        PERSON("Den enskilde"), OTHER("Någon annan");

        private final String label;

        ArrivedFrom(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public NewIntake {
        if (receivingUnitId == null) {
            throw new InvalidInputException("receivingUnitId", "Välj mottagande enhet.");
        }
        receiverUsername = FreeText.required("receiverUsername", "Mottagare", receiverUsername, 100);
        receiverTitle = FreeText.required("receiverTitle", "Befattning", receiverTitle, 100);
        operation = FreeText.required("operation", "Verksamhet", operation, 100);
        if (personalIdentityNumber == null) {
            throw new InvalidInputException("personalIdentityNumber", "Ange den skyddade personens personnummer.");
        }
        firstName = FreeText.required("firstName", "Förnamn", firstName, 100);
        lastName = FreeText.required("lastName", "Efternamn", lastName, 100);
        if (protectionLevel == null || !protectionLevel.isProtected()) {
            throw new InvalidInputException("protectionLevel", "Ange vilket skydd personen har: skyddad folkbokföring eller sekretessmarkering.");
        }
        fictitiousName = FreeText.optional("fictitiousName", "Fiktivt namn", fictitiousName, 200);
        concerns = FreeText.requiredLines("concerns", "Vad aktualiseringen avser", concerns, 500);
        preliminaryCaseType = FreeText.required("preliminaryCaseType", "Preliminär ärendetyp", preliminaryCaseType, 100);
        if (kind == null) {
            throw new InvalidInputException("kind", "Ange om det är en ansökan eller en anmälan.");
        }
        if (receivedOn == null) {
            throw new InvalidInputException("receivedOn", "Ange mottaget datum (ÅÅÅÅ-MM-DD).");
        }
        if (arrivalMethod == null) {
            throw new InvalidInputException("arrivalMethod", "Ange ankomstsätt.");
        }
        if (arrivedFrom == null) {
            throw new InvalidInputException("arrivedFrom", "Ange varifrån ärendet kom.");
        }
        arrivedFromName = FreeText.optional("arrivedFromName", "Namn på den som anmälde eller ansökte", arrivedFromName, 200);
        arrivedFromContact = FreeText.optional("arrivedFromContact", "Kontaktuppgifter", arrivedFromContact, 200);
        if ((kind == Kind.REPORT || arrivedFrom == ArrivedFrom.OTHER) && arrivedFromName == null) {
            throw new InvalidInputException("arrivedFromName",
                    "Vid anmälan, eller när ansökan kommer från någon annan än den enskilde, ska namnet på den som hörde av sig anges.");
        }
        if (kind == Kind.REPORT && arrivedFrom == ArrivedFrom.PERSON) {
            throw new InvalidInputException("arrivedFrom", "En anmälan kommer från någon annan än den enskilde.");
        }
        if (authorizedUntil == null) {
            throw new InvalidInputException("authorizedUntil", "Ange sista dag för mottagarens behörighet (högst ett år).");
        }
        // What the intake concerns and its case type become the case's subject, which colleagues
        // without authorisation see in the unit's case list: it must not identify the person.
        for (String[] text : new String[][] {{"concerns", concerns}, {"preliminaryCaseType", preliminaryCaseType}}) {
            if (PersonalIdentityNumber.appearsIn(text[1]) || names(text[1], lastName)) {
                throw new InvalidInputException(text[0], "Skriv aldrig personnummer eller den skyddades namn i vad aktualiseringen avser "
                        + "eller i ärendetypen: de blir ärendets rubrik, som syns i listor för kollegor utan behörighet.");
            }
        }
        for (String[] text : new String[][] {{"receiverTitle", receiverTitle}, {"operation", operation}, {"arrivedFromName", arrivedFromName}}) {
            if (PersonalIdentityNumber.appearsIn(text[1])) {
                throw new InvalidInputException(text[0], "Skriv aldrig personnummer i andra fält än personnumrets.");
            }
        }
    }

    /** The longest subject a case has (care_case.subject). */
    static final int SUBJECT_LENGTH = 200;

    /**
     * The case's subject: the preliminary case type and what the intake concerns, shortened to fit;
     * the intake keeps the whole text.
     */
    String caseSubject() {
        String subject = preliminaryCaseType + ": " + concerns;
        return subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH - 1) + "…";
    }

    /** The person's surname as a word of its own, in any case: "Karlsson" but not "Karlssonska". */
    private static boolean names(String text, String name) {
        return Pattern.compile("(?<!\\p{L})" + Pattern.quote(name) + "(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).find();
    }
}
