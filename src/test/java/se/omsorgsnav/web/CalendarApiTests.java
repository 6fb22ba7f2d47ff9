package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.OmsorgsnavTest;

/** The one working-day calendar over HTTP (PLC-13). */
@OmsorgsnavTest
class CalendarApiTests {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;

    private MockHttpServletResponse ask(String from, String to) throws Exception {
        return mvc.perform(get("/api/v1/calendar/working-days").param("from", from).param("to", to)
                .with(user(users.loadUserByUsername("boendesamordnare")))).andReturn().getResponse();
    }

    @Test
    @DisplayName("PLC-13: the working days around Christmas and New Year 2026 skip the eves, the holidays and the weekends")
    void christmasAndNewYear() throws Exception {
        MockHttpServletResponse answer = ask("2026-12-21", "2027-01-08");
        assertThat(answer.getStatus()).isEqualTo(200);
        List<String> days = JsonPath.read(answer.getContentAsString(StandardCharsets.UTF_8), "$.workingDays");
        assertThat(days).containsExactly("2026-12-21", "2026-12-22", "2026-12-23", "2026-12-28", "2026-12-29", "2026-12-30",
                "2027-01-04", "2027-01-05", "2027-01-07", "2027-01-08");
    }

    @Test
    @DisplayName("PLC-13: a period backwards, too long or not a date is a Swedish 400")
    void badPeriods() throws Exception {
        for (String[] period : List.of(new String[] {"2026-12-10", "2026-12-01"}, new String[] {"2026-01-01", "2027-06-01"},
                new String[] {"i morgon", "2026-12-01"},
                // a year beyond four digits: the holiday calendar threw, a 500 (found by DateInputFuzzTests, issue 15)
                new String[] {"+999999999-12-01", "+999999999-12-31"})) {
            MockHttpServletResponse answer = ask(period[0], period[1]);
            assertThat(answer.getStatus()).isEqualTo(400);
            assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).containsAnyOf("Perioden", "ÅÅÅÅ-MM-DD");
        }
    }
}
