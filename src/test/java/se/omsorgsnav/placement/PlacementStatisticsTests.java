package se.omsorgsnav.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.omsorgsnav.access.AccessDenied;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestData;

/**
 * UX-3: the managers' placement charts, on small hand-built histories with known answers. The
 * histories lie in months no other test writes to (2018, 2019) or in a nursing home of their own,
 * and the queue is compared before and after, so the shared database does not move the answers.
 */
@OmsorgsnavTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementStatisticsTests {

    private static final String HOME_NAME = "Statistikgårdens vård- och omsorgsboende";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;
    @Autowired PlacementStatistics statistics;

    private int serial;
    private UUID home;
    private UUID officer;

    @BeforeAll
    void aHomeOfItsOwn() {
        home = UUID.randomUUID();
        jdbc.sql("insert into unit (id, name, administration, kind) values (?, ?, 'Äldreförvaltningen', 'NURSING_HOME')").params(home, HOME_NAME)
                .update();
        jdbc.sql("""
                insert into app_user (id, username, full_name, email, password_hash, role, unit_id, grant_right, enabled)
                values (?, 'statistik-chef', 'Stina Statistik', 'statistik-chef@test.invalid', 'x', 'UNIT_MANAGER', ?, false, true)
                """).params(UUID.randomUUID(), home).update();
        officer = jdbc.sql("select id from app_user where username = 'handlaggare'").query(UUID.class).single();
    }

    @Test
    @DisplayName("UX-3: queue length at month end counts decisions not yet moved in (a withdrawn one not at all)")
    void queueLengthAtMonthEnd() {
        Map<YearMonth, Integer> before = queue(120);
        UUID movedIn = decision("2019-01-10", "EXECUTED", "2019-03-06");
        allocation(movedIn, apartment(), "ACCEPTED", "2019-03-01", "2019-03-05");
        decision("2019-02-20", "QUEUED", null);
        decision("2019-01-15", "WITHDRAWN", null);
        UUID comingIn = decision("2026-10-01", "ACCEPTED", null);
        allocation(comingIn, apartment(), "ACCEPTED", "2026-11-16", "2026-11-25");

        Map<YearMonth, Integer> after = queue(120);
        Function<String, Integer> added = month -> after.get(YearMonth.parse(month)) - before.get(YearMonth.parse(month));
        assertThat(added.apply("2018-12")).isZero();
        assertThat(added.apply("2019-01")).as("decided in January, not moved in").isEqualTo(1);
        assertThat(added.apply("2019-02")).isEqualTo(2);
        assertThat(added.apply("2019-03")).as("moved in on 5 March").isEqualTo(1);
        assertThat(added.apply("2026-10")).isEqualTo(2);
        assertThat(added.apply("2026-11")).as("today: the move-in on 25 November has not happened").isEqualTo(2);
    }

    @Test
    @DisplayName("UX-3: waiting times to the first offer and to move-in: count, median and 90th percentile per month")
    void waitingTimeMedians() {
        UUID declinedFirst = decision("2018-04-01", "EXECUTED", "2018-06-15");
        allocation(declinedFirst, apartment(), "DECLINED", "2018-05-01", null);
        allocation(declinedFirst, apartment(), "ACCEPTED", "2018-06-10", "2018-06-15");
        allocation(decision("2018-04-01", "EXECUTED", "2018-06-20"), apartment(), "ACCEPTED", "2018-05-11", "2018-06-20");
        allocation(decision("2018-04-01", "EXECUTED", "2018-07-02"), apartment(), "ACCEPTED", "2018-05-31", "2018-07-02");

        Map<YearMonth, PlacementStatisticsView.WaitingTime> times = waiting(120);
        PlacementStatisticsView.WaitingTime may = times.get(YearMonth.of(2018, 5));
        assertThat(may.firstOffers()).isEqualTo(3);
        assertThat(may.offerMedianDays()).as("30, 40 and 60 days").isEqualTo(40.0);
        assertThat(may.offerP90Days()).isEqualTo(56.0);
        assertThat(may.moveIns()).isZero();
        assertThat(may.moveInMedianDays()).isNull();
        PlacementStatisticsView.WaitingTime june = times.get(YearMonth.of(2018, 6));
        assertThat(june.firstOffers()).as("the second offer after a decline is not a first offer").isZero();
        assertThat(june.moveIns()).isEqualTo(2);
        assertThat(june.moveInMedianDays()).as("75 and 80 days").isEqualTo(77.5);
        assertThat(june.moveInP90Days()).isEqualTo(79.5);
        assertThat(times.get(YearMonth.of(2018, 7)).moveInMedianDays()).isEqualTo(92.0);
    }

    @Test
    @DisplayName("UX-3: vacant apartment-days are split across month ends, counted once for overlapping reports, and a unit manager sees only their own home")
    void vacantApartmentDays() {
        UUID crossing = apartmentAt(home);
        vacancy(crossing, "2026-01-25");
        allocation(decision("2025-12-01", "EXECUTED", "2026-02-05"), crossing, "ACCEPTED", "2026-02-02", "2026-02-05");
        UUID renovated = apartmentAt(home);
        vacancy(renovated, "2026-03-01");
        vacancy(renovated, "2026-03-10");
        allocation(decision("2026-01-10", "EXECUTED", "2026-03-20"), renovated, "ACCEPTED", "2026-03-18", "2026-03-20");
        UUID empty = apartmentAt(home);
        vacancy(empty, "2026-10-20");
        UUID longEmpty = apartmentAt(home);
        vacancy(longEmpty, "2025-06-01");
        allocation(decision("2025-05-01", "EXECUTED", "2025-12-10"), longEmpty, "ACCEPTED", "2025-12-08", "2025-12-10");

        PlacementStatisticsView view;
        try (AsUser ignored = AsUser.login(users, "statistik-chef")) {
            view = statistics.over(12, null);
        }
        Map<YearMonth, Long> days = view.vacantDays().stream()
                .collect(Collectors.toMap(PlacementStatisticsView.VacantDays::month, PlacementStatisticsView.VacantDays::days));
        assertThat(days.get(YearMonth.of(2025, 12))).as("empty since June, moved into on 10 December").isEqualTo(9);
        assertThat(days.get(YearMonth.of(2026, 1))).as("25-31 January").isEqualTo(7);
        assertThat(days.get(YearMonth.of(2026, 2))).as("1-4 February").isEqualTo(4);
        assertThat(days.get(YearMonth.of(2026, 3))).as("1-19 March, the renovation's report counted once").isEqualTo(19);
        assertThat(days.get(YearMonth.of(2026, 10))).isEqualTo(12);
        assertThat(days.get(YearMonth.of(2026, 11))).as("still empty today, 18 November").isEqualTo(18);
        assertThat(view.ownHomeOnly()).isTrue();
        assertThat(view.homeName()).isEqualTo(HOME_NAME);
        assertThat(view.homes()).extracting(PlacementStatisticsView.HomeVacantDays::name).containsExactly(HOME_NAME);
        assertThat(view.homes().get(0).days()).isEqualTo(69);

        try (AsUser ignored = AsUser.login(users, "boendesamordnare")) {
            PlacementStatisticsView all = statistics.over(12, home);
            assertThat(all.homes()).extracting(PlacementStatisticsView.HomeVacantDays::name)
                    .contains(HOME_NAME, "Solgårdens vård- och omsorgsboende");
            assertThat(all.vacantDays()).extracting(PlacementStatisticsView.VacantDays::days).containsExactlyElementsOf(
                    view.vacantDays().stream().map(PlacementStatisticsView.VacantDays::days).toList());
        }
    }

    @Test
    @DisplayName("Access: roles without business in placement, and a unit manager of no nursing home, get 403 Behörighet saknas")
    void unauthorisedRolesAreRefused() throws Exception {
        for (String username : List.of("handlaggare", "avgift", "planerare", "lvs", "enhetschef", "assistent")) {
            MockHttpServletResponse page = as(username, get("/placement/statistics"));
            assertThat(page.getStatus()).as(username).isEqualTo(403);
            assertThat(body(page)).contains("Behörighet saknas");
            assertThat(as(username, get("/api/v1/placement/statistics")).getStatus()).as(username).isEqualTo(403);
        }
        try (AsUser ignored = AsUser.login(users, "handlaggare")) {
            assertThatThrownBy(() -> statistics.over(12, null)).isInstanceOf(AccessDenied.class);
        }
        for (String username : List.of("boendesamordnare", "verksamhetsledare", "chef-solgarden")) {
            assertThat(as(username, get("/placement/statistics")).getStatus()).as(username).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("UX-3: the page draws each chart as SVG with a title and gives the same numbers in its table")
    void pageTableMatchesTheChart() throws Exception {
        MockHttpServletResponse response = as("boendesamordnare", get("/placement/statistics").param("months", "120"));
        assertThat(response.getStatus()).isEqualTo(200);
        String page = body(response);
        assertThat(page).contains("role=\"img\"").contains("<title id=\"kolangd-titel\">").contains("aria-labelledby=\"kolangd-titel kolangd-beskrivning\"")
                .contains("<details>").doesNotContain("AO-20");
        for (String chart : List.of("kolangd", "erbjudande", "inflyttning", "tomma-dagar")) {
            List<String> drawn = drawn(page, chart);
            // The drawn line is the queue, the median or the vacant days: the table's second column (the first for vacant days).
            List<String> tabled = tableColumn(page, chart, chart.equals("tomma-dagar") ? 1 : 2).stream().filter(v -> !v.equals("–")).toList();
            assertThat(drawn).as(chart).isNotEmpty().containsExactlyElementsOf(tabled);
        }
        assertThat(as("boendesamordnare", get("/placement/statistics").param("months", "7")).getStatus()).isEqualTo(400);
    }

    @Test
    @DisplayName("API: the API gives the same series as JSON, and is in the OpenAPI document")
    void apiGivesTheSeries() throws Exception {
        MockHttpServletResponse response = as("verksamhetsledare", get("/api/v1/placement/statistics").param("months", "24"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body(response)).contains("\"months\":24").contains("\"queue\":[").contains("\"waitingTimes\":[").contains("\"vacantDays\":[")
                .contains("\"firstMonth\":\"2024-12\"").doesNotContain("AO-20");
        assertThat(as("verksamhetsledare", get("/api/v1/placement/statistics").param("months", "13")).getStatus()).isEqualTo(400);
        String docs = body(mvc.perform(get("/v3/api-docs").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("lvs"))).andReturn().getResponse());
        assertThat(docs).contains("/api/v1/placement/statistics").contains("tomma lägenhetsdagar");
    }

    /** The values the SVG draws for a chart's first line, in order. */
    private static List<String> drawn(String page, String chart) {
        int start = page.indexOf("data-chart=\"" + chart + "\"");
        String svg = page.substring(start, page.indexOf("</svg>", start));
        String firstLine = svg.substring(svg.indexOf("class=\"chart-line series-1\""));
        int next = firstLine.indexOf("class=\"chart-line series-2\"");
        firstLine = next < 0 ? firstLine : firstLine.substring(0, next);
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("data-value=\"(\\d+)\"").matcher(firstLine);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** A column of the chart's table (0 is the month). */
    private static List<String> tableColumn(String page, String chart, int column) {
        int start = page.indexOf("<table data-chart=\"" + chart + "\"");
        String table = page.substring(start, page.indexOf("</table>", start));
        List<String> values = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>\\s*<th scope=\"row\">[^<]*</th>((?:\\s*<td>[^<]*</td>)+)").matcher(table);
        while (row.find()) {
            Matcher cell = Pattern.compile("<td>([^<]*)</td>").matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            values.add(cells.get(column - 1));
        }
        return values;
    }

    private Map<YearMonth, Integer> queue(int months) {
        try (AsUser ignored = AsUser.login(users, "boendesamordnare")) {
            return statistics.over(months, null).queue().stream()
                    .collect(Collectors.toMap(PlacementStatisticsView.QueueLength::month, PlacementStatisticsView.QueueLength::persons));
        }
    }

    private Map<YearMonth, PlacementStatisticsView.WaitingTime> waiting(int months) {
        try (AsUser ignored = AsUser.login(users, "boendesamordnare")) {
            return statistics.over(months, null).waitingTimes().stream()
                    .collect(Collectors.toMap(PlacementStatisticsView.WaitingTime::month, w -> w));
        }
    }

    private UUID decision(String decidedOn, String status, String executedOn) {
        TestData.Person person = data.person().named("Räknad", "Statistiksson").create();
        TestData.Case careCase = data.caseFor(person).subject("Vård- och omsorgsboende").openedOn(LocalDate.parse(decidedOn).minusDays(20)).create();
        return data.decision(careCase).status(status).decidedOn(LocalDate.parse(decidedOn))
                .executedOn(executedOn == null ? null : LocalDate.parse(executedOn)).create().id();
    }

    private UUID apartment() {
        return apartmentAt(home);
    }

    private UUID apartmentAt(UUID unit) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into apartment (id, unit_id, number, care_profile, version) values (?, ?, ?, 'SOMATIC', 0)")
                .params(id, unit, "S" + serial++).update();
        return id;
    }

    private void vacancy(UUID apartment, String readyOn) {
        LocalDate ready = LocalDate.parse(readyOn);
        jdbc.sql("""
                insert into vacancy (id, apartment_id, reason, event_date, ready_on, reported_by, reported_at, late)
                values (?, ?, 'MOVE_OUT', ?, ?, ?, ?, false)
                """).params(UUID.randomUUID(), apartment, ready.minusDays(3), ready, officer, ready.minusDays(3).atStartOfDay().atOffset(
                java.time.ZoneOffset.UTC)).update();
    }

    private void allocation(UUID decision, UUID apartment, String status, String offeredOn, String moveInOn) {
        LocalDate offered = LocalDate.parse(offeredOn);
        data.allocation(decision, apartment).inactive().allocatedBy("handlaggare", offered.minusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC))
                .status(status).offeredOn(offered).answered(offered.plusDays(1), moveInOn == null ? null : LocalDate.parse(moveInOn), null).create();
    }

    private MockHttpServletResponse as(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
    }

    private static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }
}
