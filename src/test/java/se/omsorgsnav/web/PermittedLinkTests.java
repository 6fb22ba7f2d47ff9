package se.omsorgsnav.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.access.StepUp;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * Pages show only the links their user may follow (issue 14 §1): the menu, the start page and the
 * person page ask the catalogue, with the same action the target page requires, so a link is on
 * the page exactly when following it answers 200.
 */
@OmsorgsnavTest
class PermittedLinkTests {

    /** Every demo user (DemoData): each role, and the unit manager both of an authority unit and of a nursing home. */
    private static final List<String> DEMO_USERS = List.of("handlaggare", "handlaggare2", "forste", "enhetschef", "chef-solgarden",
            "boendesamordnare", "boendesamordnare2", "assistent", "verksamhetsledare", "avgift", "planerare", "larm", "lvs", "sas");

    /** The pages the menu and the start page link to by role; each decides its own access. */
    private static final List<String> ROLE_PAGES = List.of("/deviations/unattached", "/persons/new", "/authorizations", "/audit/reviews",
            "/placement/home", "/placement/queue", "/placement/matching", "/placement/offers", "/placement/respite", "/placement/statistics");

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)[^\"]*\"");

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("Links: each role's start page and menu show exactly the links whose page answers 200 for that role")
    void startPageAndMenuShowExactlyTheFollowableLinks() throws Exception {
        Set<String> linkedForSomeone = new java.util.HashSet<>();
        for (String username : DEMO_USERS) {
            MockHttpServletResponse start = get(username, "/");
            assertThat(start.getStatus()).as(username + " /").isEqualTo(200);
            Set<String> links = links(start);
            linkedForSomeone.addAll(links);
            for (String link : links) {
                assertThat(get(username, link).getStatus()).as(username + " follows " + link).isEqualTo(200);
            }
            for (String page : ROLE_PAGES) {
                boolean shown = links.contains(page);
                int status = get(username, page).getStatus();
                assertThat(status == 200).as(username + ": " + page + " is linked exactly when it answers 200 (answered " + status + ")")
                        .isEqualTo(shown);
            }
        }
        assertThat(linkedForSomeone).as("every role page is some role's link").containsAll(ROLE_PAGES);
    }

    @Test
    @DisplayName("Links: the person page links to the person's log review and access extract only for whom those pages answer 200")
    void personPageShowsOnlyFollowableLogLinks() throws Exception {
        UUID greta = jdbc.sql("select id from person where personal_identity_number = ?")
                .param(DemoUsers.ORDINARY_PIN.replace("-", "")).query(UUID.class).single();
        int opened = 0;
        for (String username : DEMO_USERS) {
            MockHttpServletResponse person = get(username, "/persons/" + greta);
            if (person.getStatus() != 200) {
                continue;
            }
            opened++;
            Set<String> links = links(person);
            for (String link : links) {
                assertThat(get(username, link).getStatus()).as(username + " follows " + link).isEqualTo(200);
            }
            assertThat(links.contains("/audit/reviews")).as(username + ": the log review link")
                    .isEqualTo(get(username, "/audit/reviews").getStatus() == 200);
        }
        assertThat(opened).as("some demo users open the person page").isGreaterThan(1);
    }

    private MockHttpServletResponse get(String username, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(java.net.URI.create(path))
                        .with(user(users.loadUserByUsername(username))).sessionAttr(StepUp.SESSION_ATTRIBUTE, TestClock.NOW))
                .andReturn().getResponse();
    }

    /** The page's own links (not its style sheets and scripts), without query strings' HTML escaping. */
    private static Set<String> links(MockHttpServletResponse page) throws Exception {
        Set<String> links = new LinkedHashSet<>();
        Matcher m = HREF.matcher(page.getContentAsString(StandardCharsets.UTF_8));
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            // The case tables' rows count too: a row the user may not open shows its number without a link.
            if (!link.startsWith("/css/") && !link.startsWith("/webjars/") && !link.startsWith("/js/")) {
                links.add(link);
            }
        }
        // "/audit/reviews?person=…" is the log review for one person: the same page, the same action.
        Set<String> withPages = new LinkedHashSet<>(links);
        links.stream().filter(l -> l.startsWith("/audit/reviews?")).findAny().ifPresent(l -> withPages.add("/audit/reviews"));
        return withPages;
    }
}
