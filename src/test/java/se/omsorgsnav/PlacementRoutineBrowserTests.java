package se.omsorgsnav;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.omsorgsnav.support.BrowserTest;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.TestData;
import se.omsorgsnav.support.TestPins;

/**
 * Seed 003, "Rutin från beslut till verkställighet – vård och omsorgsboende", role by role in the
 * browser: each step done by the user whose step it is, on that user's page, asserting what the
 * page and the messages say. The clock stands on Wednesday 18 November 2026; the application and
 * its database are shared with every other test, so each test makes its own person, case and
 * apartment and looks only at its own rows.
 */
@OmsorgsnavTest
class PlacementRoutineBrowserTests extends BrowserTest {

    private static final String HOME = "Solgårdens vård- och omsorgsboende";
    private static int serial;

    @Autowired JdbcClient jdbc;
    @Autowired TestData data;

    /** A person as the pages show them: case number, name, personnummer with its dash. */
    private record Person(String caseNumber, String name, String pin) {}

    @Test
    @DisplayName("PLC-1..PLC-9: seed 003 from decision to execution, each role in the browser")
    void fromDecisionToExecution() {
        Person vera = personWithOpenCase("Vera", "Rutinsdotter");
        Person tenant = personWithOpenCase("Tyra", "Avledenberg");
        String apartment = "R" + (100 + serial);
        String wishes = "Solgården, nära dottern";
        String reasons = "Demens med nattlig oro";
        String relative = "Dottern Lena Rutinsdotter";

        // PLC-1: the case officer signs the decision from her start page; it goes to the queue and to BOSAM.
        login("handlaggare");
        page.waitForNavigation(() -> link("Signera beslut om vård- och omsorgsboende").click());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Beslut om vård- och omsorgsboende"))).isVisible();
        checked("seed003-decision-form");
        page.getByLabel("Ärendenummer").fill(vera.caseNumber());
        page.getByLabel("Inriktning").selectOption("DEMENTIA");
        page.getByLabel("Beslutsdatum").fill("2026-11-04");
        page.getByLabel("Nuvarande boende").selectOption("SHORT_STAY");
        page.getByLabel("Boendeönskemål (frivilligt)").fill(wishes);
        page.getByLabel(Pattern.compile("^Särskilda skäl")).fill(reasons);
        page.getByLabel("Kontaktperson anhörig (frivilligt)").fill(relative);
        page.waitForNavigation(() -> button("Signera beslutet").click());
        assertThat(page).hasURL(Pattern.compile(".*/\\?beslut$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Beslutet är signerat, står i bostadskön och BOSAM har fått meddelandet.");
        checked("seed003-start-case-officer-signed");
        logout();

        // PLC-1, PLC-2: a coordinator finds the decision unread in the inbox, with everything the officer wrote, and the person in the queue.
        login("boendesamordnare");
        Locator decisionMessage = inboxRow(vera.caseNumber(), "Nytt beslut om vård- och omsorgsboende");
        assertThat(decisionMessage).containsText("Oläst");
        assertThat(decisionMessage).containsText(vera.name());
        assertThat(decisionMessage).containsText("Anna Lindqvist");
        checked("seed003-inbox-coordinator");
        page.waitForNavigation(() -> decisionMessage.getByRole(AriaRole.LINK).click());
        assertThat(personOfMessage()).containsText(vera.name() + " (" + vera.pin() + ")");
        assertThat(fact("Inriktning")).hasText("Demens");
        assertThat(fact("Beslutsdatum")).hasText("2026-11-04");
        assertThat(fact("Nuvarande boende")).hasText("Korttidsboende");
        assertThat(fact("Medflyttande")).hasText("Nej");
        assertThat(fact("Boendeönskemål")).hasText(wishes);
        assertThat(fact("Särskilda skäl")).hasText(reasons);
        assertThat(fact("Kontaktperson anhörig")).hasText(relative);
        checked("seed003-decision-message");
        page.navigate(url("/placement/queue"));
        Locator queued = rowWith(vera.caseNumber());
        assertThat(queued).containsText(vera.name());
        assertThat(queued).containsText(vera.pin());
        assertThat(queued).containsText("Demens");
        assertThat(queued).containsText("2026-11-04");
        assertThat(queued).containsText("14 dagar");
        assertThat(queued).containsText("Korttidsboende");
        assertThat(queued).containsText(reasons);
        assertThat(queued).containsText("Önskemål: " + wishes);
        checked("seed003-queue");
        logout();

        // PLC-3: the unit manager keeps the home's apartments and reports the tenant's death on Friday 13 November on Wednesday 18:
        // due the next working day, Monday 16, so the report is marked late.
        login("chef-solgarden");
        page.waitForNavigation(() -> link("Boendets lägenheter och lediga lägenheter").click());
        page.getByLabel("Lägenhetsnummer").fill(apartment);
        page.getByLabel("Inriktning").selectOption("DEMENTIA");
        page.getByLabel("Övrigt (till exempel litet badrum)").fill("Nära trädgården");
        page.getByLabel("Hyra per månad, kronor").fill("6500");
        page.waitForNavigation(() -> button("Lägg till").click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Lägenheten är tillagd.");
        Locator kept = page.locator("main table").first().getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(apartment).setExact(true))));
        assertThat(kept).containsText("Demens");
        assertThat(kept).containsText(Pattern.compile("6\\s500 kr"));
        page.getByLabel("Lägenhet", new Page.GetByLabelOptions().setExact(true)).selectOption(new SelectOption().setLabel(apartment + " (Demens)"));
        page.getByLabel("Avliden").check();
        page.getByLabel("Datum (dödsfall, utflyttning eller renoveringens början)").fill("2026-11-13");
        page.getByLabel("Datum då lägenheten kan erbjudas ny hyresgäst").fill("2026-11-17");
        page.getByLabel("Hyresgästens ärendenummer (vid dödsfall och utflyttning)").fill(tenant.caseNumber());
        page.waitForNavigation(() -> button("Rapportera").click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Den lediga lägenheten är rapporterad och meddelandet är skickat till BOSAM, "
                + "boendesamordnarna och avgiftshandläggarna.");
        assertThat(kept).containsText("från 2026-11-17");
        Locator report = page.locator("section[aria-labelledby=rapporter] tbody tr").filter(new Locator.FilterOptions().setHasText(tenant.caseNumber()));
        assertThat(report).containsText(apartment);
        assertThat(report).containsText("Avliden");
        assertThat(report).containsText("2026-11-13");
        assertThat(report).containsText("2026-11-17");
        assertThat(report).containsText("2026-11-18 10:00");
        assertThat(report).containsText("Sen rapport: Dödsfall meddelas senast nästkommande arbetsdag (rutin 003), senast 2026-11-16");
        checked("seed003-home-vacancy-reported");
        logout();

        // PLC-3: the death/move-out message reaches the fee officer and the coordinators, unread.
        login("avgift");
        Locator feeOfficers = inboxRow(tenant.caseNumber(), "Avliden eller utflyttning");
        assertThat(feeOfficers).containsText("Oläst");
        assertThat(feeOfficers).containsText("Helena Borg");
        logout();
        login("boendesamordnare2");
        Locator deathMessage = inboxRow(tenant.caseNumber(), "Avliden eller utflyttning");
        assertThat(deathMessage).containsText("Oläst");
        assertThat(deathMessage).containsText(tenant.name());
        page.waitForNavigation(() -> deathMessage.getByRole(AriaRole.LINK).click());
        assertThat(fact("Äldreboende")).hasText(HOME);
        assertThat(fact("Inriktning")).hasText("Demens");
        assertThat(fact("Rumsnummer")).hasText(apartment);
        assertThat(fact("Avliden eller utflyttning")).hasText("Avliden");
        assertThat(fact("Datum då kunden avled eller flyttar")).hasText("2026-11-13");
        assertThat(fact("Övrigt om lägenheten")).hasText("Nära trädgården");
        assertThat(fact("Datum då lägenheten kan erbjudas ny kund")).hasText("2026-11-17");

        // PLC-4: the second coordinator allocates the apartment on the matching page; the person leaves the queue.
        page.navigate(url("/placement/matching"));
        Locator vacant = vacantApartment(apartment);
        assertThat(vacant).containsText("Demens, kan erbjudas från 2026-11-17, Nära trädgården.");
        Locator candidate = vacant.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(vera.caseNumber()));
        assertThat(candidate).containsText(vera.name());
        assertThat(candidate).containsText("14 dagar");
        assertThat(candidate).containsText(wishes);
        checked("seed003-matching");
        candidate.getByLabel("Erbjudandet lämnas av").selectOption("UNIT_MANAGER");
        page.waitForNavigation(() -> candidate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Tilldela lägenhet " + apartment + " till ärende " + vera.caseNumber())).click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Lägenheten är tilldelad. Boendets meddelandegrupp har fått vem som ska erbjudas.");
        assertThat(vacant).hasCount(0);
        page.navigate(url("/placement/queue"));
        assertThat(page.locator("main")).not().containsText(vera.caseNumber());
        logout();

        // PLC-4, PLC-5: the unit manager gets the name and personnummer of whom to offer, records the offer made today and sees
        // the answer due the next working day.
        login("chef-solgarden");
        Locator placeOffer = inboxRow(vera.caseNumber(), "Erbjudande av plats");
        assertThat(placeOffer).containsText("Oläst");
        assertThat(placeOffer).containsText(vera.name());
        assertThat(placeOffer).containsText("Amina Yusuf");
        page.waitForNavigation(() -> placeOffer.getByRole(AriaRole.LINK).click());
        assertThat(personOfMessage()).containsText(vera.name() + " (" + vera.pin() + ")");
        assertThat(fact("Äldreboende")).hasText(HOME);
        assertThat(fact("Rumsnummer")).hasText(apartment);
        assertThat(fact("Kontaktperson anhörig")).hasText(relative);
        assertThat(fact("Nuvarande boende")).hasText("Korttidsboende");
        assertThat(fact("Beslut som medflyttande")).hasText("Nej");
        assertThat(page.locator(".message-body")).hasText("Erbjud lägenheten. Personen har en dag på sig att svara.");
        page.navigate(url("/placement/offers"));
        Locator allocation = allocationAtHome(apartment, vera);
        assertThat(allocation).containsText("Tilldelad, inte erbjuden än.");
        checked("seed003-offers-allocated");
        assertThat(allocation.getByLabel("Datum då erbjudandet lämnades")).hasValue("2026-11-18");
        page.waitForNavigation(() -> allocation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erbjudandet är lämnat")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sparat.");
        assertThat(allocation).containsText("Erbjuden 2026-11-18, svar senast 2026-11-19.");
        assertThat(allocation).not().containsText("försenat");

        // PLC-6: a move-in more than seven days after the apartment is ready (18 November, the answer) needs a reason.
        answerYes(allocation, "2026-11-18", "2026-11-26", 400);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Inflyttning ska ske inom sju dagar (senast 2026-11-25). Ange skälet till ett senare datum.");
        assertThat(allocation).containsText("Erbjuden 2026-11-18, svar senast 2026-11-19.");
        answerYes(allocation, "2026-11-18", "2026-11-18", 200);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sparat.");
        assertThat(allocation).containsText("Tackat ja, inflyttning 2026-11-18. Verkställ senast 2026-11-19 (nästkommande arbetsdag efter inflyttningen).");
        logout();

        // PLC-6: BOSAM gets the move-in; the first coordinator also still has the death message unread.
        login("boendesamordnare");
        assertThat(inboxRow(tenant.caseNumber(), "Avliden eller utflyttning")).containsText("Oläst");
        Locator moveIn = inboxRow(vera.caseNumber(), "Inflyttning");
        assertThat(moveIn).containsText("Oläst");
        assertThat(moveIn).containsText("Helena Borg");
        page.waitForNavigation(() -> moveIn.getByRole(AriaRole.LINK).click());
        assertThat(page.locator("main > dl.facts dt:text-is('Till') + dd")).containsText("BOSAM");
        assertThat(fact("Äldreboende")).hasText(HOME);
        assertThat(fact("Inriktning")).hasText("Demens");
        assertThat(fact("Rumsnummer")).hasText(apartment);
        assertThat(fact("Kontraktsdatum")).hasText("2026-11-18");
        assertThat(fact("Inflyttningsdatum")).hasText("2026-11-18");
        assertThat(fact("Erbjudandedatum")).hasText("2026-11-18");
        assertThat(fact("Svarsdatum")).hasText("2026-11-18");
        assertThat(fact("Hyra")).hasText(Pattern.compile("^6500(\\.0+)?$"));
        logout();

        // PLC-9: the case officer's start page says when to close the person's other services: the working day before the move-in.
        login("handlaggare");
        Locator reminder = page.locator("section[aria-labelledby=inflyttningar] tbody tr").filter(new Locator.FilterOptions().setHasText(vera.caseNumber()));
        assertThat(reminder.getByRole(AriaRole.CELL)).hasText(new String[] {vera.caseNumber(), HOME, "2026-11-18", "2026-11-18", "2026-11-17 (att göra nu) Övriga insatser avslutas arbetsdagen före inflyttningen (rutin 003)"});
        checked("seed003-start-case-officer-reminder");
        logout();

        // PLC-8: the home's admin assistant executes; the page says by when (the next working day after the move-in).
        login("assistent");
        page.waitForNavigation(() -> link("Erbjudanden och inflyttningar").click());
        Locator accepted = allocationAtHome(apartment, vera);
        assertThat(accepted).containsText("Verkställ senast 2026-11-19 (nästkommande arbetsdag efter inflyttningen).");
        assertThat(accepted.getByLabel("Verkställt datum")).hasValue("2026-11-18");
        accepted.getByLabel(Pattern.compile("^Fastighetsägaren meddelad")).fill("2026-11-18");
        page.waitForNavigation(() -> accepted.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verkställ beslutet")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sparat.");
        assertThat(accepted).hasCount(0);
        page.navigate(url("/placement/queue"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bostadskö – vård- och omsorgsboende"))).isVisible();
        assertThat(page.locator("main")).not().containsText(vera.caseNumber());
    }

    @Test
    @DisplayName("PLC-7: a declined offer puts the person back in the queue")
    void declinedOfferPutsThePersonBackInTheQueue() {
        Person gunnar = personWithOpenCase("Gunnar", "Nejsson");
        queuedDecision(gunnar, "SOMATIC", "2026-10-28");
        String apartment = vacantApartmentAtSolgarden("N" + (100 + serial), "SOMATIC");

        login("boendesamordnare");
        page.navigate(url("/placement/matching"));
        Locator candidate = vacantApartment(apartment).getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(gunnar.caseNumber()));
        page.waitForNavigation(() -> candidate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Tilldela lägenhet " + apartment + " till ärende " + gunnar.caseNumber())).click());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Lägenheten är tilldelad.");
        assertThat(vacantApartment(apartment)).hasCount(0);
        page.navigate(url("/placement/queue"));
        assertThat(page.locator("main")).not().containsText(gunnar.caseNumber());
        logout();

        login("chef-solgarden");
        page.navigate(url("/placement/offers"));
        Locator allocation = allocationAtHome(apartment, gunnar);
        page.waitForNavigation(() -> allocation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Erbjudandet är lämnat")).click());
        assertThat(allocation).containsText("Erbjuden 2026-11-18, svar senast 2026-11-19.");
        allocation.getByLabel("Nej", new Locator.GetByLabelOptions().setExact(true)).check();
        assertThat(allocation.getByLabel("Svarsdatum")).hasValue("2026-11-18");
        page.waitForNavigation(() -> allocation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Spara svaret")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Sparat.");
        assertThat(allocation).hasCount(0);
        logout();

        login("boendesamordnare");
        Locator declined = inboxRow(gunnar.caseNumber(), "Meddelande");
        assertThat(declined).containsText("Oläst");
        assertThat(declined).containsText(gunnar.name());
        assertThat(declined).containsText("Helena Borg");
        page.waitForNavigation(() -> declined.getByRole(AriaRole.LINK).click());
        assertThat(page.locator("main > dl.facts dt:text-is('Till') + dd")).containsText("BOSAM");
        assertThat(page.locator(".message-body")).hasText("Erbjudandet om lägenhet är besvarat med nej (2026-11-18). Personen står kvar i "
                + "bostadskön och lägenheten kan tilldelas igen. Erbjudandet lämnades 2026-11-18.");
        checked("plc7-decline-message");
        page.navigate(url("/placement/queue"));
        Locator queued = rowWith(gunnar.caseNumber());
        assertThat(queued).containsText(gunnar.name());
        assertThat(queued).containsText("Somatisk");
        assertThat(queued).containsText("21 dagar");
        page.navigate(url("/placement/matching"));
        Locator again = vacantApartment(apartment);
        assertThat(again).containsText("Somatisk, kan erbjudas från 2026-11-16");
        assertThat(again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Tilldela lägenhet " + apartment + " till ärende " + gunnar.caseNumber()))).isVisible();
    }

    /** A person of the demo case officer's ("handlaggare") with an open case, as the register import and the intake leave them. */
    private Person personWithOpenCase(String firstName, String lastName) {
        TestData.Person person = data.person().named(firstName, lastName).registeredAt(OffsetDateTime.ofInstant(TestClock.NOW, TestClock.ZONE))
                .create();
        TestData.Case careCase = data.caseFor(person).subject("Ansökan om vård- och omsorgsboende").openedOn(TestClock.TODAY.minusDays(60)).create();
        return new Person(careCase.number(), firstName + " " + lastName, TestPins.formatted(person.pin()));
    }

    /** A decision waiting in the queue, wishing for Solgården, as if signed on {@code decidedOn} (the signing is the other test's). */
    private void queuedDecision(Person person, String profile, String decidedOn) {
        data.decision(person.caseNumber()).careProfile(profile).wishes("Solgården", null, null)
                .decidedOn(java.time.LocalDate.parse(decidedOn)).create();
    }

    /** An apartment at Solgården reported vacant after a move-out, ready on 16 November (the reporting is the other test's). */
    private String vacantApartmentAtSolgarden(String number, String profile) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into apartment (id, unit_id, number, care_profile, monthly_rent, version)
                        select ?, id, ?, ?, 6200, 0 from unit where name = ?
                        """).params(id, number, profile, HOME).update();
        jdbc.sql("""
                        insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                        select ?, ?, 'MOVE_OUT', ?, ?, id, ?, false from app_user where username = 'chef-solgarden'
                        """).params(UUID.randomUUID(), id, TestClock.TODAY.minusDays(8), TestClock.TODAY.minusDays(2),
                        OffsetDateTime.ofInstant(TestClock.NOW, TestClock.ZONE).minusDays(7)).update();
        return number;
    }

    /**
     * The inbox row of one message, by its case and type, on whichever page of the inbox it is: every test sends at the same fixed
     * instant, so the order among them is the message ids', and others' messages may push it to an older page.
     */
    private Locator inboxRow(String caseNumber, String typeTitle) {
        page.navigate(url("/messages"));
        for (int older = 0; older < 100; older++) {
            Locator row = page.locator("main table.inbox tbody tr").filter(new Locator.FilterOptions().setHasText(caseNumber))
                    .filter(new Locator.FilterOptions().setHas(page.locator("td:nth-child(2)",
                            new Page.LocatorOptions().setHasText(Pattern.compile("^" + typeTitle + "$")))));
            if (row.count() > 0) {
                assertThat(row).hasCount(1);
                return row;
            }
            Locator next = link("Äldre meddelanden");
            if (next.count() == 0) {
                break;
            }
            page.waitForNavigation(next::click);
        }
        throw new AssertionError("No message \"" + typeTitle + "\" about " + caseNumber + " in the inbox");
    }

    /** A value under "Uppgifter" on a message page, by its label. */
    private Locator fact(String label) {
        return page.locator("section[aria-labelledby=uppgifter] dt:text-is('" + label + "') + dd");
    }

    /** The person a message is about, as the gate shows them to the reader. */
    private Locator personOfMessage() {
        return page.locator("main > dl.facts dt:text-is('Person') + dd");
    }

    /** The row of a table on the page (the queue) with the case. */
    private Locator rowWith(String caseNumber) {
        return page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(caseNumber));
    }

    /** A vacant apartment's section on the matching page. */
    private Locator vacantApartment(String number) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(HOME + ", lägenhet " + number).setExact(true));
    }

    /** An allocation's section on the home's page of offers and move-ins. */
    private Locator allocationAtHome(String apartment, Person person) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Lägenhet " + apartment + ", " + HOME + " – ärende " + person.caseNumber())
                .setExact(true));
    }

    private void answerYes(Locator allocation, String answeredOn, String moveInOn, int expectedStatus) {
        allocation.getByLabel("Ja", new Locator.GetByLabelOptions().setExact(true)).check();
        allocation.getByLabel("Svarsdatum").fill(answeredOn);
        allocation.getByLabel("Inflyttningsdatum (vid ja)").fill(moveInOn);
        Response response = page.waitForNavigation(() -> allocation.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Spara svaret")).click());
        // A saved answer redirects (the 302 is followed), a refused one is the page again with its error.
        assertThat(response.status()).isEqualTo(expectedStatus);
    }

    private Locator link(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
