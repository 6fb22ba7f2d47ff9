package se.omsorgsnav.messaging;

import static se.omsorgsnav.messaging.MessageField.amount;
import static se.omsorgsnav.messaging.MessageField.choice;
import static se.omsorgsnav.messaging.MessageField.date;
import static se.omsorgsnav.messaging.MessageField.text;
import static se.omsorgsnav.messaging.MessageField.Sensitivity.ABOUT_PERSON;
import static se.omsorgsnav.messaging.MessageField.Sensitivity.IDENTIFYING;
import static se.omsorgsnav.messaging.MessageField.Sensitivity.NEUTRAL;
import static se.omsorgsnav.messaging.MessageField.Sensitivity.WHEREABOUTS;

import java.util.List;
import java.util.Optional;

/**
 * The message types (MSG-3, seed 000, 002 §2.2 and §2.4) and the fields each requires. Name and
 * personnummer are never fields: a type about a person requires the case, and the person is shown
 * through the disclosure gate. Where each type goes is data ({@code message_routing_rule}, MSG-4).
 * Each field says what it tells about the person ({@link MessageField.Sensitivity}): for a reader to
 * whom the person is masked, only the neutral ones are shown, decided when the message is read.
 */
public enum MessageType {

    FREE_TEXT("Meddelande", false, Origin.HAND, List.of()),

    /** Seed 000 "Vid avlidna/utflyttning": from placement's record of the move-out. */
    DEATH_OR_MOVE_OUT("Avliden eller utflyttning", true, Origin.RECORD, List.of(
            text("facility", "Äldreboende", true, WHEREABOUTS),
            choice("careProfile", "Inriktning", WHEREABOUTS, "SOMATIC", "DEMENTIA"),
            text("apartment", "Rumsnummer", true, WHEREABOUTS),
            choice("reason", "Avliden eller utflyttning", ABOUT_PERSON, "DEATH", "MOVE_OUT"),
            date("date", "Datum då kunden avled eller flyttar", true, WHEREABOUTS),
            text("apartmentRemarks", "Övrigt om lägenheten", false, WHEREABOUTS),
            date("availableFrom", "Datum då lägenheten kan erbjudas ny kund", true, WHEREABOUTS))),

    /**
     * Seed 000 "Vid inflyttning": from placement's record of the accepted offer. Every field points
     * to the apartment — with the earlier move-out of the same apartment, the dates, the rent and
     * the profile tell where she moved in (fault 5) — so none is neutral.
     */
    MOVE_IN("Inflyttning", true, Origin.RECORD, List.of(
            text("facility", "Äldreboende", true, WHEREABOUTS),
            choice("careProfile", "Inriktning", WHEREABOUTS, "SOMATIC", "DEMENTIA"),
            text("apartment", "Rumsnummer", true, WHEREABOUTS),
            date("contractDate", "Kontraktsdatum", true, WHEREABOUTS),
            date("moveInDate", "Inflyttningsdatum", true, WHEREABOUTS),
            amount("rent", "Hyra", WHEREABOUTS),
            text("invoiceRecipient", "Räkningsmottagare/avgiftsbeslutsmottagare", true, IDENTIFYING),
            text("previousTenant", "Tidigare hyresgäst", false, WHEREABOUTS),
            // Seed 003 "Enhetschef" 7: BOSAM is told the offer date and the answer date with the move-in.
            date("offeredOn", "Erbjudandedatum", false, WHEREABOUTS),
            date("answeredOn", "Svarsdatum", false, WHEREABOUTS))),

    /** Seed 000 "Erbjudande av plats på äldreboende": from placement's record of the allocation. */
    PLACE_OFFER("Erbjudande av plats", true, Origin.RECORD, List.of(
            text("facility", "Äldreboende", true, WHEREABOUTS),
            text("apartment", "Rumsnummer", true, WHEREABOUTS),
            text("relativeContact", "Kontaktperson anhörig", true, IDENTIFYING),
            choice("currentResidence", "Nuvarande boende", WHEREABOUTS, "OWN_HOME", "SHORT_STAY", "HOSPITAL"),
            choice("coResident", "Beslut som medflyttande", ABOUT_PERSON, "YES", "NO"))),

    /**
     * Seed 000 "Nivåmätningar": the person through the case; the measurement itself travels as an
     * attachment (MSG-7). Only to the placement coordinators ("endast"): the routing rule decides,
     * the sender adds no one ({@link #routedOnly}).
     */
    LEVEL_MEASUREMENT("Nivåmätning", true, Origin.HAND, List.of(
            date("bookedFor", "Inbokad dag", false, ABOUT_PERSON))),

    /** Seed 003, the case officer's step 2: a new decision for a nursing-home place, to BOSAM (PLC-1), from placement's record. */
    PLACEMENT_DECISION("Nytt beslut om vård- och omsorgsboende", true, Origin.RECORD, List.of(
            choice("careProfile", "Inriktning", WHEREABOUTS, "SOMATIC", "DEMENTIA"),
            date("decidedOn", "Beslutsdatum", true, NEUTRAL),
            choice("currentResidence", "Nuvarande boende", WHEREABOUTS, "OWN_HOME", "SHORT_STAY", "HOSPITAL"),
            choice("coResident", "Medflyttande", ABOUT_PERSON, "YES", "NO"),
            text("wishes", "Boendeönskemål", false, WHEREABOUTS),
            text("specialReasons", "Särskilda skäl", false, ABOUT_PERSON),
            text("relativeContact", "Kontaktperson anhörig", false, IDENTIFYING))),

    /** 002 §5.9: a fee matter is about the person; its date may be the day she moved in. */
    FEE_INFORMATION("Avgiftsinformation", true, Origin.HAND, List.of(
            text("feeMatter", "Vad gäller avgiften", true, ABOUT_PERSON),
            date("effectiveFrom", "Gäller från", true, WHEREABOUTS))),

    /**
     * 002 §2.2: a unit manager's order to LVS, from the order in the access workflow (PROT-8); the
     * case number is the subject, never a personnummer. The staff member and the period are what LVS
     * needs to act, and say nothing about the person; the reason for local protection does.
     */
    ACCESS_ORDER("Behörighetsbeställning", true, Origin.RECORD, List.of(
            choice("orderKind", "Lägg till eller ta bort behörighet", NEUTRAL, "ADD", "REMOVE"),
            text("staffFullName", "Medarbetarens fullständiga namn", true, NEUTRAL),
            text("staffUsername", "Medarbetarens användarnamn", true, NEUTRAL),
            text("staffEmail", "Medarbetarens e-postadress", true, NEUTRAL),
            date("validFrom", "Behörigheten gäller från", false, NEUTRAL),
            date("validTo", "Behörigheten gäller till", false, NEUTRAL),
            text("localProtectionReason", "Orsak (vid lokalt skydd)", false, ABOUT_PERSON))),

    /**
     * 002 §2.4: the intake facts for LVS when a protected person had no case before. The person's
     * personnummer and name are not written in the message ("Skriv aldrig personnummer"): LVS takes
     * them in its own intake, where they are registered behind the gate. It links no case, so no
     * reader has the person masked; what it says about the person is marked so all the same.
     */
    INTAKE_REQUEST("Begäran om aktualisering", false, Origin.HAND, List.of(
            text("receivingUnit", "Mottagande enhet", true, NEUTRAL),
            text("recipient", "Mottagare", true, NEUTRAL),
            text("position", "Befattning", true, NEUTRAL),
            text("operation", "Verksamhet", true, NEUTRAL),
            text("concerns", "Vad aktualiseringen avser", true, ABOUT_PERSON),
            text("preliminaryCaseType", "Preliminär ärendetyp", true, NEUTRAL),
            choice("intakeKind", "Anmälan eller ansökan", NEUTRAL, "REPORT", "APPLICATION"),
            date("receivedOn", "Mottaget datum", true, NEUTRAL),
            text("arrivalMethod", "Ankomstsätt", true, NEUTRAL),
            text("arrivedFrom", "Ankom ifrån", true, ABOUT_PERSON)));

    /** Who writes a message of the type: a user by hand, or the module that owns the record it stands for (fault 17). */
    public enum Origin { HAND, RECORD }

    private final String title;
    private final boolean caseRequired;
    private final Origin origin;
    private final List<MessageField> fields;

    MessageType(String title, boolean caseRequired, Origin origin, List<MessageField> fields) {
        this.title = title;
        this.caseRequired = caseRequired;
        this.origin = origin;
        this.fields = fields;
    }

    /** A user may write it on the compose page or through the API; a record's type comes only from the record. */
    public boolean composedByHand() {
        return origin == Origin.HAND;
    }

    /** It goes where its routing rule sends it and nowhere else: the sender adds no recipients (seed 000, "endast"). */
    public boolean routedOnly() {
        return this == LEVEL_MEASUREMENT;
    }

    /**
     * It is sent with its attachment or not at all (MSG-3: a level measurement is the full name and
     * personnummer, through its case, and the measurement itself, as an attachment).
     */
    public boolean attachmentRequired() {
        return this == LEVEL_MEASUREMENT;
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
