package se.omsorgsnav.messaging;

import static se.omsorgsnav.messaging.MessageField.amount;
import static se.omsorgsnav.messaging.MessageField.choice;
import static se.omsorgsnav.messaging.MessageField.date;
import static se.omsorgsnav.messaging.MessageField.locating;
import static se.omsorgsnav.messaging.MessageField.text;

import java.util.List;
import java.util.Optional;

/**
 * The message types (MSG-3, seed 000, 002 §2.2 and §2.4) and the fields each requires. Name and
 * personnummer are never fields: a type about a person requires the case, and the person is shown
 * through the disclosure gate. Where each type goes is data ({@code message_routing_rule}, MSG-4).
 */
public enum MessageType {

    FREE_TEXT("Meddelande", false, List.of()),

    /** Seed 000 "Vid avlidna/utflyttning". */
    DEATH_OR_MOVE_OUT("Avliden eller utflyttning", true, List.of(
            locating("facility", "Äldreboende", true),
            choice("careProfile", "Inriktning", "SOMATIC", "DEMENTIA"),
            locating("apartment", "Rumsnummer", true),
            choice("reason", "Avliden eller utflyttning", "DEATH", "MOVE_OUT"),
            date("date", "Datum då kunden avled eller flyttar", true),
            text("apartmentRemarks", "Övrigt om lägenheten", false),
            date("availableFrom", "Datum då lägenheten kan erbjudas ny kund", true))),

    /** Seed 000 "Vid inflyttning". */
    MOVE_IN("Inflyttning", true, List.of(
            locating("facility", "Äldreboende", true),
            choice("careProfile", "Inriktning", "SOMATIC", "DEMENTIA"),
            locating("apartment", "Rumsnummer", true),
            date("contractDate", "Kontraktsdatum", true),
            date("moveInDate", "Inflyttningsdatum", true),
            amount("rent", "Hyra"),
            locating("invoiceRecipient", "Räkningsmottagare/avgiftsbeslutsmottagare", true),
            text("previousTenant", "Tidigare hyresgäst", false),
            // Seed 003 "Enhetschef" 7: BOSAM is told the offer date and the answer date with the move-in.
            date("offeredOn", "Erbjudandedatum", false),
            date("answeredOn", "Svarsdatum", false))),

    /** Seed 000 "Erbjudande av plats på äldreboende". */
    PLACE_OFFER("Erbjudande av plats", true, List.of(
            locating("facility", "Äldreboende", true),
            locating("apartment", "Rumsnummer", true),
            locating("relativeContact", "Kontaktperson anhörig", true),
            choice("currentResidence", "Nuvarande boende", "OWN_HOME", "SHORT_STAY", "HOSPITAL"),
            choice("coResident", "Beslut som medflyttande", "YES", "NO"))),

    /** Seed 000 "Nivåmätningar": the person through the case; the measurement itself travels as an attachment (MSG-7, later). */
    LEVEL_MEASUREMENT("Nivåmätning", true, List.of(
            date("bookedFor", "Inbokad dag", false))),

    /** Seed 003, the case officer's step 2: a new decision for a nursing-home place, to BOSAM (PLC-1). */
    PLACEMENT_DECISION("Nytt beslut om vård- och omsorgsboende", true, List.of(
            choice("careProfile", "Inriktning", "SOMATIC", "DEMENTIA"),
            date("decidedOn", "Beslutsdatum", true),
            choice("currentResidence", "Nuvarande boende", "OWN_HOME", "SHORT_STAY", "HOSPITAL"),
            choice("coResident", "Medflyttande", "YES", "NO"),
            locating("wishes", "Boendeönskemål", false),
            text("specialReasons", "Särskilda skäl", false),
            locating("relativeContact", "Kontaktperson anhörig", false))),

    FEE_INFORMATION("Avgiftsinformation", true, List.of(
            text("feeMatter", "Vad gäller avgiften", true),
            date("effectiveFrom", "Gäller från", true))),

    /** 002 §2.2: a unit manager's order to LVS; the case number is the subject, never a personnummer. */
    ACCESS_ORDER("Behörighetsbeställning", true, List.of(
            choice("orderKind", "Lägg till eller ta bort behörighet", "ADD", "REMOVE"),
            text("staffFullName", "Medarbetarens fullständiga namn", true),
            text("staffUsername", "Medarbetarens användarnamn", true),
            text("staffEmail", "Medarbetarens e-postadress", true),
            date("validFrom", "Behörigheten gäller från", false),
            date("validTo", "Behörigheten gäller till", false),
            text("localProtectionReason", "Orsak (vid lokalt skydd)", false))),

    /**
     * 002 §2.4: the intake facts for LVS when a protected person had no case before. The person's
     * personnummer and name are not written in the message ("Skriv aldrig personnummer"): LVS takes
     * them in its own intake, where they are registered behind the gate.
     */
    INTAKE_REQUEST("Begäran om aktualisering", false, List.of(
            text("receivingUnit", "Mottagande enhet", true),
            text("recipient", "Mottagare", true),
            text("position", "Befattning", true),
            text("operation", "Verksamhet", true),
            text("concerns", "Vad aktualiseringen avser", true),
            text("preliminaryCaseType", "Preliminär ärendetyp", true),
            choice("intakeKind", "Anmälan eller ansökan", "REPORT", "APPLICATION"),
            date("receivedOn", "Mottaget datum", true),
            text("arrivalMethod", "Ankomstsätt", true),
            text("arrivedFrom", "Ankom ifrån", true)));

    private final String title;
    private final boolean caseRequired;
    private final List<MessageField> fields;

    MessageType(String title, boolean caseRequired, List<MessageField> fields) {
        this.title = title;
        this.caseRequired = caseRequired;
        this.fields = fields;
    }

    public String title() {
        return title;
    }

    /** Whether the message is about a person, who is then named by the case it links to. */
    public boolean caseRequired() {
        return caseRequired;
    }

    public List<MessageField> fields() {
        return fields;
    }

    public Optional<MessageField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Null or unknown input is no type (the caller says so in Swedish). */
    static Optional<MessageType> parse(String input) {
        for (MessageType type : values()) {
            if (type.name().equals(input)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
