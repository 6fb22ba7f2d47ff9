package se.omsorgsnav;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import com.microsoft.playwright.Locator;
import se.omsorgsnav.support.BrowserTest;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.TestClock;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestPins;

/**
 * Whole routines in headless Debian Chromium, as a person would do them, with axe-core checking
 * WCAG 2.1 A/AA on every page visited and a screenshot of each under target/screenshots/
 * ({@link BrowserTest}). The placement routine of seed 003 is in {@code PlacementRoutineBrowserTests}.
 */
@OmsorgsnavTest
class BrowserRoutineTests extends BrowserTest {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    @Test
    @DisplayName("PROT-3, PROT-4, PROT-13, UX-1: an unauthorised case officer finds a protected person only as birth year — the alias is for her performers only — and opening it says Behörighet saknas")
    void unauthorisedSeesBirthYearOnly() {
        login(DemoUsers.UNAUTHORISED);
        search(DemoUsers.PROTECTED_PIN, "search-protected-unauthorised");
        var results = page.locator("#results");
        assertThat(results).containsText("1942XXXX-XXXX");
        assertThat(results).containsText("Skyddad person");
        assertThat(results).not().containsText(DemoUsers.PROTECTED_ALIAS);
        String text = page.locator("body").innerText();
        for (String secret : List.of("Astrid", "Karlsson", "Ekvägen", "9147", "Partille")) {
            assertThat(text).doesNotContain(secret);
        }
        Response response = page.waitForNavigation(() -> results.getByRole(AriaRole.LINK).first().click());
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Behörighet saknas"))).isVisible();
        checked("denied-protected");
    }

    @Test
    @DisplayName("PROT-5, UX-1: a relative of a protected person is locked the same way")
    void linkedRelativeIsLocked() {
        login(DemoUsers.UNAUTHORISED);
        search(DemoUsers.LINKED_PIN, "search-linked-unauthorised");
        assertThat(page.locator("#results")).containsText("1968XXXX-XXXX");
        assertThat(page.locator("#results")).not().containsText("Olle");
        Response response = page.waitForNavigation(() -> page.locator("#results").getByRole(AriaRole.LINK).first().click());
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    @DisplayName("PROT-3, PROT-21, UX-1: an authorised case officer sees the whole person, relatives and cases, under the protection banner")
    void authorisedSeesEverything() {
        login(DemoUsers.AUTHORISED);
        search(DemoUsers.PROTECTED_PIN, "search-protected-authorised");
        // Authorised, not yet confirmed: the hit stays masked until the PIN (PROT-10, 002 §2.5).
        assertThat(page.locator("#results")).containsText("1942XXXX-XXXX");
        assertThat(page.locator("#results")).not().containsText("Astrid");
        openFirstHitThroughPin();
        assertThat(page.locator(".banner-protected")).containsText("Skyddad folkbokföring");
        assertThat(page.locator("main")).containsText("Olle");
        assertThat(page.locator("main")).containsText("Sven");
        var caseLink = page.locator("main a[href^='/cases/AO-']").first();
        assertThat(caseLink).isVisible();
        checked("person-authorised");
        page.waitForNavigation(caseLink::click);
        assertThat(page.locator(".banner-protected")).isVisible();
        assertThat(page.locator("main")).containsText("Astrid Karlsson");
        checked("case-authorised");
    }

    @Test
    @DisplayName("UX-2, UX-1: each role starts on its own page with its unit and its work")
    void startPagePerRole() {
        record Start(String user, String unit, String section) {}
        for (Start s : List.of(new Start("handlaggare", "Myndighet Centrum", "Mina ärenden"),
                new Start("enhetschef", "Myndighet Centrum", "Loggranskning"),
                new Start("avgift", "Avgiftshandläggning", "Att hantera i avgiftshandläggningen"),
                new Start("lvs", "Lokalt verksamhetsstöd", "Behörighetsbeställningar"),
                new Start("larm", "Trygghetsjouren", "Uppdrag till Trygghetsjouren"),
                new Start("boendesamordnare", "Boendesamordningen", "Bostadskö"))) {
            login(s.user());
            assertThat(page.locator("main")).containsText(s.unit());
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(s.section()))).isVisible();
            checked("start-" + s.user());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga ut")).click();
            assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        }
    }

    @Test
    @DisplayName("PROT-3, UX-1: LVS registers a protected person with a relative and opens the first case, without seeing the person afterwards")
    void lvsRegistersAndOpensACase() {
        login(DemoUsers.SYSTEM_SUPPORT);
        page.navigate(url("/persons/new"));
        checked("register-form");
        String pin = TestPins.born(1943);
        String relativePin = TestPins.born(1966);
        page.getByLabel("Personnummer").first().fill(pin);
        page.getByLabel("Förnamn").first().fill("Ruth");
        page.getByLabel("Efternamn").first().fill("Webbtestsson");
        page.getByLabel("Gatuadress").fill("Hemliga gången 3");
        page.getByLabel("Skydd").selectOption("CONFIDENTIALITY_MARKING");
        page.locator("#rel-pin-0").fill(relativePin);
        page.locator("#rel-first-0").fill("Rolf");
        page.locator("#rel-last-0").fill("Webbtestsson");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera")).click());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Öppna ärende"))).isVisible();
        assertThat(page.locator("main")).containsText("1943XXXX-XXXX");
        assertThat(page.locator("main")).not().containsText("Webbtestsson");
        checked("new-case-form");
        page.getByLabel("Vad gäller ärendet?").fill("Ansökan om hemtjänst");
        page.getByLabel("Ansvarig enhet").selectOption(new SelectOption().setLabel("Myndighet Centrum"));
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna ärende")).click());
        // LVS may not see the protected person's case (002 §2.4): back on its work list, told the case number only.
        assertThat(page).hasURL(Pattern.compile(".*/authorizations\\?oppnat=AO-\\d{4}-\\d+$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("AO-");
        assertThat(page.locator("main")).not().containsText("Webbtestsson");
        checked("case-opened-lvs");
    }

    @Test
    @DisplayName("PROT-10, UX-1: LVS registers the intake of a protected person with the eleven facts; the receiver opens the person after the PIN")
    void lvsIntakeForAProtectedPerson() {
        String pin = TestPins.born(1936);
        login(DemoUsers.SYSTEM_SUPPORT);
        page.navigate(url("/authorizations"));
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aktualisering för skyddad person utan tidigare ärende")).click());
        checked("intake-form");
        page.getByLabel("1. Mottagande enhet").selectOption(new SelectOption().setLabel("Myndighet Centrum"));
        page.getByLabel("2. Mottagare (användarnamn)").fill(DemoUsers.AUTHORISED);
        page.getByLabel("3. Befattning").fill("Biståndshandläggare");
        page.getByLabel("Personnummer").fill(pin);
        page.getByLabel("Förnamn").fill("Signe");
        page.getByLabel("Efternamn").fill("Intagsson");
        page.getByLabel("6. Vad aktualiseringen avser").fill("Ansökan om trygghetslarm");
        page.getByLabel("7. Preliminär ärendetyp").fill("Bistånd enligt SoL");
        page.getByLabel("Ansökan").check();
        page.getByLabel("10. Ankomstsätt").selectOption("PHONE");
        page.getByLabel("Den enskilde").check();
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Registrera aktualiseringen")).click());
        assertThat(page).hasURL(Pattern.compile(".*/authorizations\\?aktualiserad=AO-\\d{4}-\\d+$"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("mottagaren har fått behörighet");
        assertThat(page.locator("main")).not().containsText("Intagsson");
        checked("intake-registered");

        // PROT-6, PROT-7: LVS finds the case by number and grants a second officer without an order, after the checks.
        String caseNumber = page.url().replaceAll(".*aktualiserad=", "");
        page.getByLabel("Gå till ärende (ärendenummer)").fill(caseNumber);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa behörigheter")).click());
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ge behörighet utan beställning")).click());
        assertThat(page.locator("section[aria-labelledby=prechecks]")).isVisible();
        assertThat(page.locator("section[aria-labelledby=prechecks]")).containsText("Anna Lindqvist");
        checked("grant-without-order");
        page.getByLabel("Medarbetarens användarnamn").fill(DemoUsers.UNAUTHORISED);
        page.getByLabel("Till och med").fill(TestClock.TODAY.plusMonths(3).toString());
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ge behörighet")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("beviljad");
        assertThat(page.getByRole(AriaRole.ROW)).hasCount(3);
        checked("granted-without-order");
        logout();

        login(DemoUsers.AUTHORISED);
        search(pin, "intake-receiver-search");
        openFirstHitThroughPin();
        assertThat(page.locator("h1")).containsText("Signe Intagsson");
    }

    @Test
    @DisplayName("PROT-16, UX-1: a deviation reported as \"ej person\" reaches SAS and the unit manager, who, authorised and confirmed, attaches it to the protected person")
    void deviationReportedWithoutPersonIsAttachedLater() {
        String text = "Nyckeln till lägenheten saknades vid kvällsbesöket " + UUID.randomUUID().toString().substring(0, 6);
        String caseNumber = jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? and c.status = 'OPEN'
                """).param(DemoUsers.PROTECTED_PIN.replace("-", "")).query(String.class).single();
        login(DemoUsers.AUTHORISED);
        page.navigate(url("/deviations/new"));
        page.getByLabel("Vad hände?").fill(text);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rapportera")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("rapporterad");
        logout();

        login("sas");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Avvikelser utan person")).click();
        assertThat(page.locator("main")).containsText(text);
        checked("deviations-unattached");
        logout();

        login(DemoUsers.UNIT_MANAGER);
        search(DemoUsers.PROTECTED_PIN, "manager-search-before-attach");
        openFirstHitThroughPin();
        page.navigate(url("/deviations/unattached"));
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(text));
        row.getByLabel(Pattern.compile("^Ärendenummer")).fill(caseNumber);
        page.waitForNavigation(() -> row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Koppla")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("kopplad");
        assertThat(page.locator("main")).not().containsText(text);
        checked("deviation-attached");
    }

    @Test
    @DisplayName("UX-1: a bad search says what is wrong in Swedish, next to the form")
    void badSearchExplains() {
        login(DemoUsers.AUTHORISED);
        search("19420310-9148", "search-invalid");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("kontrollsiffran");
    }

    @Test
    @DisplayName("PROT-8, PROT-6, PROT-10, PROT-15, AUD-3, AUD-4, UX-1: the unit manager orders, LVS checks and grants, the colleague sees the person after the PIN, the manager reviews the log and finds the access flagged, then revokes")
    void orderGrantAndRevoke() {
        String colleague = "webbkollega-" + UUID.randomUUID().toString().substring(0, 6);
        UUID unit = jdbc.sql("select id from unit where name = 'Myndighet Centrum'").query(UUID.class).single();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, pin_hash, role, unit_id, grant_right, enabled)
                values (?, ?, 'Webb Kollega', 'webb.kollega@demo.omsorgsnav.invalid', ?, ?, 'CASE_OFFICER', ?, false, true)
                """).params(UUID.randomUUID(), colleague, passwords.encode(DemoUsers.PASSWORD), passwords.encode(DemoUsers.PIN), unit).update();
        String caseNumber = jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.personal_identity_number = ? and c.status = 'OPEN'
                """).param(DemoUsers.PROTECTED_PIN.replace("-", "")).query(String.class).single();

        login(DemoUsers.UNIT_MANAGER);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Behörigheter").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beställ eller ta bort behörighet")).click();
        checked("order-form");
        page.getByLabel("Ärendenummer").fill(caseNumber);
        page.getByLabel("Medarbetarens användarnamn").fill(colleague);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka beställning")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("skickad till LVS");
        assertThat(page.locator("main")).containsText("Webb Kollega");
        checked("order-sent");
        logout();

        login(DemoUsers.SYSTEM_SUPPORT);
        assertThat(page.locator("main")).containsText("Öppna beställningar av särskild behörighet");
        page.navigate(url("/authorizations"));
        checked("lvs-work-list");
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(colleague));
        page.waitForNavigation(() -> row.getByRole(AriaRole.LINK).click());
        assertThat(page.locator("main")).containsText("Anna Lindqvist");
        assertThat(page.locator("main")).containsText("1968XXXX-XXXX");
        assertThat(page.locator("main")).not().containsText("Olle");
        checked("lvs-pre-checks");
        page.getByLabel("Bevilja behörighet").check();
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara beslut")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("behandlad");
        logout();

        login(colleague);
        search(DemoUsers.PROTECTED_PIN, "colleague-search");
        openFirstHitThroughPin();
        assertThat(page.locator("h1")).containsText("Astrid Karlsson");
        search(DemoUsers.PROTECTED_PIN, "colleague-search-confirmed");
        assertThat(page.locator("#results")).containsText("Astrid Karlsson");
        logout();

        login(DemoUsers.UNIT_MANAGER);
        // AUD-3, AUD-4: the manager reviews the colleague's day and finds the access flagged.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Loggkontroll").setExact(true)).click();
        checked("audit-review-form");
        page.getByLabel("Från och med").fill(TestClock.TODAY.toString());
        page.getByLabel("Till och med").fill(TestClock.TODAY.toString());
        page.getByLabel("Användarnamn").fill(colleague);
        page.getByLabel("Stickprovets storlek").fill("0");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna granskning")).click());
        Locator flagged = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(colleague))
                .filter(new Locator.FilterOptions().setHasText("Skyddad person"));
        assertThat(flagged.first()).isVisible();
        assertThat(page.locator("main")).not().containsText(DemoUsers.PROTECTED_PIN);
        checked("audit-review");
        page.getByLabel("Inga anmärkningar").check();
        page.getByLabel("Slutsats och åtgärder").fill("Kollegan hade beställd och beviljad behörighet till ärendet.");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Avsluta granskningen")).click());
        assertThat(page.locator("#conclusion + p")).containsText("Inga anmärkningar");
        checked("audit-review-concluded");

        page.navigate(url("/cases/" + caseNumber + "/authorizations"));
        checked("case-authorizations");
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Återkalla behörigheten för Webb Kollega")).click());
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Webb Kollega"))).containsText("Återkallad");
        logout();

        login(colleague);
        search(DemoUsers.PROTECTED_PIN, "colleague-search-after-revoke");
        assertThat(page.locator("#results")).not().containsText("Astrid");
    }

    @Test
    @DisplayName("PROT-3, UX-1: logging out ends the session; a protected page then leads to the login page")
    void logoutEndsTheSession() {
        login(DemoUsers.AUTHORISED);
        search(DemoUsers.PROTECTED_PIN, "logout-search");
        openFirstHitThroughPin();
        String personUrl = page.url();
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga ut")).click());
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Du är utloggad.");
        checked("logged-out");
        for (String protectedPage : List.of(personUrl, url("/persons/search"), url("/"))) {
            page.navigate(protectedPage);
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            assertThat(page.locator("body")).not().containsText("Astrid");
        }
    }

    @Test
    @DisplayName("UX-1: at 320 CSS px the pages reflow without scrolling sideways (WCAG 1.4.10); wide tables scroll in their own box")
    void pagesReflowAt320Pixels() {
        page.setViewportSize(320, 800);
        login(DemoUsers.AUTHORISED);
        assertReflows();
        search(DemoUsers.PROTECTED_PIN, "reflow-search");
        assertReflows();
        openFirstHitThroughPin();
        assertThat(page.locator("main a[href^='/cases/AO-']").first()).isVisible();
        assertReflows();
        checked("reflow-person");
        page.navigate(url("/persons/new"));
        assertReflows();
    }

    @Test
    @DisplayName("UX-1: the audit verification page and the login page pass axe")
    void verificationPage() {
        page.navigate(url("/login"));
        checked("login");
        login(DemoUsers.UNIT_MANAGER);
        page.navigate(url("/audit/verification"));
        assertThat(page.locator("main")).containsText("Loggen är obruten");
        checked("audit-verification");
    }

    @Test
    @DisplayName("MSG-2, MSG-3, MSG-4, MSG-6, MSG-7, UX-1: a level measurement written in the browser reaches both coordinators and only them, the page marks it read by a POST, and the sender sees who read it")
    void levelMeasurementReachesBothCoordinators() {
        // A move-in comes only from placement's record (issue 14, fault 17): the browser writes a type written by hand.
        String caseNumber = jdbc.sql("""
                select c.case_number from care_case c join person p on p.id = c.person_id
                where p.first_name = 'Greta' and p.last_name = 'Andersson' order by c.case_number limit 1
                """).query(String.class).single();
        String subject = "Nivåmätning " + UUID.randomUUID().toString().substring(0, 8);
        login("assistent");
        page.navigate(url("/messages/new"));
        // The type's own form arrives by htmx when the type is chosen.
        page.getByLabel("Meddelandetyp").selectOption("LEVEL_MEASUREMENT");
        assertThat(page.getByLabel("Inbokad dag")).isVisible();
        checked("message-compose-level-measurement");
        page.getByLabel("Ärendenummer").fill(caseNumber);
        page.getByLabel("Ämne").fill(subject);
        page.getByLabel("Inbokad dag").fill("2026-12-02");
        page.getByLabel("Bilagor", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new com.microsoft.playwright.options.FilePayload("nivamatning.pdf",
                "application/pdf", "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka").setExact(true)).click());
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Meddelandet är skickat");
        assertThat(page.locator("main")).containsText("2026-12-02");
        assertThat(page.locator("section[aria-labelledby=bilagor]")).containsText("nivamatning.pdf");
        checked("message-sent");
        String message = page.url();
        logout();

        for (String reader : List.of("boendesamordnare", "boendesamordnare2")) {
            login(reader);
            Locator row = page.locator("main table.inbox tr", new Page.LocatorOptions().setHasText(subject));
            assertThat(row).containsText("Oläst");
            assertThat(row).containsText("Greta Andersson");
            if (reader.equals("boendesamordnare")) {
                checked("start-with-message");
            }
            page.waitForNavigation(() -> row.getByRole(AriaRole.LINK).click());
            assertThat(page.locator("main")).containsText("2026-12-02");
            // Opening changed nothing; the page's POST, sent by htmx once it loaded, marks it read.
            assertThat(page.locator("#mark-read")).containsText("Markerat som läst");
            var pdf = context.request().get(url(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("nivamatning.pdf"))
                    .getAttribute("href")));
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
            if (reader.equals("boendesamordnare")) {
                checked("message-read");
            }
            page.navigate(url("/messages"));
            assertThat(page.locator("main table.inbox tr", new Page.LocatorOptions().setHasText(subject))).not().containsText("Oläst");
            logout();
        }

        login("assistent");
        page.navigate(url("/messages/sent"));
        assertThat(page.locator("main tr", new Page.LocatorOptions().setHasText(subject))).containsText(Pattern.compile("2 av 2"));
        checked("messages-sent");
        page.navigate(message);
        Locator receipts = page.locator("section[aria-labelledby=last]");
        for (String name : List.of("Johan Ek", "Amina Yusuf")) {
            assertThat(receipts.locator("tr", new Locator.LocatorOptions().setHasText(name))).not().containsText("Inte läst");
        }
    }

    @Test
    @DisplayName("UX-1: each placement role's pages pass axe: the decision form, the home's apartments and offers, the queue and the matching")
    void placementPagesAreAccessible() {
        login("handlaggare");
        page.navigate(url("/placement/decisions/new"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Beslut om vård- och omsorgsboende"))).isVisible();
        checked("placement-decision-form");
        logout();
        login("chef-solgarden");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Boendets lägenheter och lediga lägenheter")).click());
        assertThat(page.locator("main")).containsText("Litet badrum");
        checked("placement-home");
        page.navigate(url("/placement/offers"));
        checked("placement-offers");
        logout();
        login("boendesamordnare");
        page.navigate(url("/placement/queue"));
        checked("placement-queue");
        page.navigate(url("/placement/matching"));
        checked("placement-matching");
        page.navigate(url("/placement/unexecuted"));
        checked("placement-unexecuted");
        page.navigate(url("/placement/statistics"));
        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Personer i bostadskön vid månadens slut"))).isVisible();
        page.locator("details summary").first().click();
        checked("placement-statistics");
    }

    @Test
    @DisplayName("MSG-5, MSG-8, UX-1: a personnummer in the subject is refused with the reason beside the field, and nothing is sent")
    void subjectWithPersonnummerIsRefused() {
        login("assistent");
        page.navigate(url("/messages/new"));
        page.getByLabel("Enskilda mottagare").fill("boendesamordnare");
        page.getByLabel("Ämne").fill("Gäller 19380508-9145");
        page.getByLabel("Meddelande", new Page.GetByLabelOptions().setExact(true)).fill("Hej");
        Response refused = page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka").setExact(true)).click());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("personnummer");
        assertThat(page.getByLabel("Ämne")).hasValue("Gäller 19380508-9145");
        checked("message-refused");
    }

    private void search(String query, String screenshot) {
        page.navigate(url("/persons/search"));
        page.getByLabel("Personnummer eller namn").fill(query);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök")).click();
        assertThat(page.locator("#results h2").first()).isVisible();
        checked(screenshot);
    }

    /**
     * Opens the first search hit, a protected person, through the PIN box (PROT-10). Every caller has
     * just logged in, so the box must be asked for: a hit that opened without it fails the test
     * rather than passing it by.
     */
    private void openFirstHitThroughPin() {
        page.waitForNavigation(() -> page.locator("#results").getByRole(AriaRole.LINK).first().click());
        assertThat(page).hasURL(Pattern.compile(".*/step-up\\?continue=.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bekräfta med PIN-kod"))).isVisible();
        checked("step-up");
        page.getByLabel("PIN-kod").fill(DemoUsers.PIN);
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bekräfta")).click());
        assertThat(page).not().hasURL(Pattern.compile(".*/step-up.*"));
    }

    /** Nothing but a table's own scroll box is wider than the viewport. */
    private void assertReflows() {
        Object overflow = page.evaluate("""
                () => {
                  const width = document.documentElement.clientWidth;
                  const wide = [...document.querySelectorAll('body *')]
                      .filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > width + 1)
                      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
                  return document.documentElement.scrollWidth > width ? 'page ' + document.documentElement.scrollWidth + ' px wide: ' + wide : '';
                }""");
        assertThat(String.valueOf(overflow)).as("%s at 320 px", page.url()).isEmpty();
    }
}
