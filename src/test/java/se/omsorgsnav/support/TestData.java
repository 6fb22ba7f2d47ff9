package se.omsorgsnav.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.omsorgsnav.shared.CaseNumber;

/**
 * The one way the tests make a person, a case, a placement decision and an allocation:
 * {@code data.person().protectedBy("PROTECTED_REGISTRATION").born(1933).create()},
 * {@code data.caseFor(person).officer("forste").create()}, {@code data.decision(c).status("OFFERED").create()},
 * {@code data.allocation(decision, apartment).status("ACCEPTED").create()}.
 *
 * <p>Written straight into the tables, as {@link MatrixFixture} is: this is the world a test looks
 * at, not the behaviour under test. The module APIs (PersonRegister, Cases, Decisions) require a
 * logged-in user with the right action, write audit events the tests count, and cannot make the
 * past (a case opened 40 days ago, a decision already executed). A test that proves one of those
 * APIs calls it itself.
 *
 * <p>Personnummer come from {@link TestPins} (Skatteverket's list), case numbers from the
 * application's own sequence, so that no two test classes sharing the database collide.
 */
@Component
public class TestData {

    /** The authority unit most cases belong to, and its officers. */
    public static final String CENTRUM = "Myndighet Centrum";

    private final JdbcClient jdbc;

    TestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Person(UUID id, String pin) {}

    public record Case(UUID id, String number, UUID personId) {}

    public record Decision(UUID id, UUID caseId, UUID personId) {}

    public PersonBuilder person() {
        return new PersonBuilder();
    }

    public CaseBuilder caseFor(Person person) {
        return new CaseBuilder(person.id());
    }

    public CaseBuilder caseFor(UUID personId) {
        return new CaseBuilder(personId);
    }

    public DecisionBuilder decision(Case c) {
        return new DecisionBuilder(c.id(), c.personId());
    }

    public DecisionBuilder decision(UUID caseId, UUID personId) {
        return new DecisionBuilder(caseId, personId);
    }

    /** A decision on the case with that number, for its person. */
    public DecisionBuilder decision(String caseNumber) {
        Map<String, Object> c = jdbc.sql("select id, person_id from care_case where case_number = ?").param(caseNumber).query().singleRow();
        return new DecisionBuilder((UUID) c.get("id"), (UUID) c.get("person_id"));
    }

    public AllocationBuilder allocation(Decision decision, UUID apartmentId) {
        return new AllocationBuilder(decision.id(), apartmentId);
    }

    public AllocationBuilder allocation(UUID decisionId, UUID apartmentId) {
        return new AllocationBuilder(decisionId, apartmentId);
    }

    /** A personal authorisation (case_authorization) granted by LVS, valid from yesterday for 30 days unless told otherwise. */
    public void authorise(String username, Case c) {
        authorise(username, c, TestClock.TODAY.minusDays(1), TestClock.TODAY.plusDays(30));
    }

    public void authorise(String username, Case c, LocalDate validFrom, LocalDate validTo) {
        jdbc.sql("""
                        insert into case_authorization (id, user_id, case_id, person_id, valid_from, valid_to, granted_by, granted_at)
                        values (?, ?, ?, ?, ?, ?, ?, current_timestamp)
                        """).params(UUID.randomUUID(), userId(username), c.id(), c.personId(), validFrom, validTo, userId(DemoUsers.SYSTEM_SUPPORT))
                .update();
    }

    /** A user's id by username; fails if there is none, rather than writing nothing. */
    public UUID userId(String username) {
        return jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single();
    }

    /** A relation (person_relation) of the given kind, RELATIVE or CO_RESIDENT. */
    public void link(UUID personId, UUID relatedId, String kind) {
        jdbc.sql("insert into person_relation (id, person_id, related_person_id, kind) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), personId, relatedId, kind).update();
    }

    public final class PersonBuilder {
        private String pin;
        private String firstName = "Test";
        private String lastName = "Testsson";
        private String streetAddress;
        private String postalCode;
        private String city;
        private String phone;
        private String protection = "NONE";
        private String fictitiousName;
        private LocalDate dateOfDeath;
        private OffsetDateTime registeredAt;

        private PersonBuilder() {}

        public PersonBuilder named(String first, String last) {
            this.firstName = first;
            this.lastName = last;
            return this;
        }

        /** NONE, PROTECTED_REGISTRATION, CONFIDENTIALITY_MARKING or LOCAL_PROTECTION (person.protection_level). */
        public PersonBuilder protectedBy(String level) {
            this.protection = level;
            return this;
        }

        /** A number from the list of someone born that year; without it, someone born 1920–1949 ({@link TestPins#elderly()}). */
        public PersonBuilder born(int year) {
            this.pin = TestPins.born(year);
            return this;
        }

        /** Someone whose age does not matter, one of many ({@link TestPins#anyAge()}). */
        public PersonBuilder anyAge() {
            this.pin = TestPins.anyAge();
            return this;
        }

        /** A number the test already took from {@link TestPins}, 12 digits. */
        public PersonBuilder pin(String twelveDigits) {
            this.pin = twelveDigits;
            return this;
        }

        public PersonBuilder street(String streetAddress) {
            this.streetAddress = streetAddress;
            return this;
        }

        public PersonBuilder address(String streetAddress, String postalCode, String city) {
            this.streetAddress = streetAddress;
            this.postalCode = postalCode;
            this.city = city;
            return this;
        }

        public PersonBuilder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public PersonBuilder alias(String fictitiousName) {
            this.fictitiousName = fictitiousName;
            return this;
        }

        public PersonBuilder died(LocalDate dateOfDeath) {
            this.dateOfDeath = dateOfDeath;
            return this;
        }

        public PersonBuilder registeredAt(OffsetDateTime registeredAt) {
            this.registeredAt = registeredAt;
            return this;
        }

        public Person create() {
            UUID id = UUID.randomUUID();
            String number = pin != null ? pin : TestPins.elderly();
            jdbc.sql("""
                            insert into person (id, personal_identity_number, first_name, last_name, street_address, postal_code, city, phone,
                                                protection_level, fictitious_name, date_of_death, registered_at, last_name_search, first_name_search)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(id, number, firstName, lastName, streetAddress, postalCode, city, phone, protection, fictitiousName, dateOfDeath,
                            registeredAt != null ? registeredAt : OffsetDateTime.now(), lastName.toLowerCase(Locale.ROOT),
                            firstName.toLowerCase(Locale.ROOT))
                    .update();
            return new Person(id, number);
        }
    }

    public final class CaseBuilder {
        private final UUID personId;
        private String officer = "handlaggare";
        private String unit;
        private String subject = "Ansökan om hemtjänst";
        private String status = "OPEN";
        private LocalDate openedOn = TestClock.TODAY;
        private LocalDate closedOn;

        private CaseBuilder(UUID personId) {
            this.personId = personId;
        }

        /** The responsible case officer (username); the case is at the officer's unit unless {@link #unit} says otherwise. */
        public CaseBuilder officer(String username) {
            this.officer = username;
            return this;
        }

        /** The responsible unit, by name. */
        public CaseBuilder unit(String name) {
            this.unit = name;
            return this;
        }

        public CaseBuilder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public CaseBuilder openedOn(LocalDate openedOn) {
            this.openedOn = openedOn;
            return this;
        }

        /** A closed case: closed on that day. */
        public CaseBuilder closedOn(LocalDate closedOn) {
            this.status = "CLOSED";
            this.closedOn = closedOn;
            return this;
        }

        public Case create() {
            UUID id = UUID.randomUUID();
            long seq = jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
            String number = CaseNumber.of(TestClock.TODAY.getYear(), seq).value();
            UUID officerId = userId(officer);
            UUID unitId = unit != null
                    ? jdbc.sql("select id from unit where name = ?").param(unit).query(UUID.class).single()
                    : jdbc.sql("select unit_id from app_user where id = ?").param(officerId).query(UUID.class).single();
            jdbc.sql("""
                            insert into care_case (id, case_number, person_id, unit_id, case_officer_id, subject, status, opened_on, closed_on)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """).params(id, number, personId, unitId, officerId, subject, status, openedOn, closedOn).update();
            return new Case(id, number, personId);
        }
    }

    public final class DecisionBuilder {
        private final UUID caseId;
        private final UUID personId;
        private String careProfile = "SOMATIC";
        private String status = "QUEUED";
        private LocalDate decidedOn = TestClock.TODAY.minusDays(20);
        private String currentResidence = "OWN_HOME";
        private boolean coResident;
        private String signedBy = "handlaggare";
        private String wishes;
        private String specialReasons;
        private String relativeContact;
        private LocalDate executedOn;
        private String relocationWish;
        private LocalDate relocationWishOn;

        private DecisionBuilder(UUID caseId, UUID personId) {
            this.caseId = caseId;
            this.personId = personId;
        }

        /** SOMATIC or DEMENTIA. */
        public DecisionBuilder careProfile(String careProfile) {
            this.careProfile = careProfile;
            return this;
        }

        /** QUEUED, ALLOCATED, OFFERED, ACCEPTED, EXECUTED or WITHDRAWN. */
        public DecisionBuilder status(String status) {
            this.status = status;
            return this;
        }

        public DecisionBuilder decidedOn(LocalDate decidedOn) {
            this.decidedOn = decidedOn;
            return this;
        }

        /** OWN_HOME, SHORT_STAY or HOSPITAL. */
        public DecisionBuilder livingAt(String currentResidence) {
            this.currentResidence = currentResidence;
            return this;
        }

        public DecisionBuilder coResident(boolean coResident) {
            this.coResident = coResident;
            return this;
        }

        /** The signing case officer (username). */
        public DecisionBuilder signedBy(String username) {
            this.signedBy = username;
            return this;
        }

        public DecisionBuilder wishes(String wishes, String specialReasons, String relativeContact) {
            this.wishes = wishes;
            this.specialReasons = specialReasons;
            this.relativeContact = relativeContact;
            return this;
        }

        public DecisionBuilder executedOn(LocalDate executedOn) {
            this.executedOn = executedOn;
            return this;
        }

        public DecisionBuilder relocationWish(String wish, LocalDate on) {
            this.relocationWish = wish;
            this.relocationWishOn = on;
            return this;
        }

        public Decision create() {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into placement_decision (id, case_id, person_id, care_profile, wishes, special_reasons, co_resident, current_residence,
                                                            relative_contact, decided_on, signed_by, signed_at, status, executed_on, relocation_wish,
                                                            relocation_wish_on, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp, ?, ?, ?, ?, 0)
                            """)
                    .params(id, caseId, personId, careProfile, wishes, specialReasons, coResident, currentResidence, relativeContact, decidedOn,
                            userId(signedBy), status, executedOn, relocationWish, relocationWishOn)
                    .update();
            return new Decision(id, caseId, personId);
        }
    }

    /**
     * An allocation of an apartment to a decision, as the placement routine would have written it.
     * Active (holding the decision and the apartment) unless {@link #inactive()}; allocated by
     * {@code boendesamordnare} now, the unit manager making the offer, unless told otherwise.
     */
    public final class AllocationBuilder {
        private final UUID decisionId;
        private final UUID apartmentId;
        private boolean active = true;
        private String allocatedBy = "boendesamordnare";
        private OffsetDateTime allocatedAt;
        private String offerMaker = "UNIT_MANAGER";
        private String status = "ALLOCATED";
        private LocalDate offeredOn;
        private LocalDate answerDueOn;
        private String answerDueRule;
        private LocalDate answeredOn;
        private LocalDate moveInOn;
        private LocalDate rentFrom;
        private LocalDate closeServicesBy;
        private String closeServicesRule;

        private AllocationBuilder(UUID decisionId, UUID apartmentId) {
            this.decisionId = decisionId;
            this.apartmentId = apartmentId;
        }

        /** ALLOCATED, OFFERED, ACCEPTED, DECLINED or WITHDRAWN. */
        public AllocationBuilder status(String status) {
            this.status = status;
            return this;
        }

        /** No longer holding the decision and the apartment (executed, declined, withdrawn). */
        public AllocationBuilder inactive() {
            this.active = false;
            return this;
        }

        public AllocationBuilder allocatedBy(String username, OffsetDateTime at) {
            this.allocatedBy = username;
            this.allocatedAt = at;
            return this;
        }

        /** UNIT_MANAGER, COORDINATOR or CASE_OFFICER. */
        public AllocationBuilder offerMaker(String offerMaker) {
            this.offerMaker = offerMaker;
            return this;
        }

        public AllocationBuilder offered(LocalDate offeredOn, LocalDate answerDueOn, String answerDueRule) {
            this.offeredOn = offeredOn;
            this.answerDueOn = answerDueOn;
            this.answerDueRule = answerDueRule;
            return this;
        }

        public AllocationBuilder offeredOn(LocalDate offeredOn) {
            this.offeredOn = offeredOn;
            return this;
        }

        public AllocationBuilder answered(LocalDate answeredOn, LocalDate moveInOn, LocalDate rentFrom) {
            this.answeredOn = answeredOn;
            this.moveInOn = moveInOn;
            this.rentFrom = rentFrom;
            return this;
        }

        public AllocationBuilder closeServicesBy(LocalDate by, String rule) {
            this.closeServicesBy = by;
            this.closeServicesRule = rule;
            return this;
        }

        public UUID create() {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into allocation (id, decision_id, apartment_id, active_decision_id, active_apartment_id, allocated_by, allocated_at,
                                                    offer_maker, status, offered_on, answer_due_on, answer_due_rule, answered_on, move_in_on, rent_from,
                                                    close_services_by, close_services_rule, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
                            """)
                    .params(id, decisionId, apartmentId, active ? decisionId : null, active ? apartmentId : null, userId(allocatedBy),
                            allocatedAt != null ? allocatedAt : OffsetDateTime.now(), offerMaker, status, offeredOn, answerDueOn, answerDueRule,
                            answeredOn, moveInOn, rentFrom, closeServicesBy, closeServicesRule)
                    .update();
            return id;
        }
    }
}
