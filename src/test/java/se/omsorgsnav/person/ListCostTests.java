package se.omsorgsnav.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestData;
import se.omsorgsnav.support.StatementCounter;

/** Lists are decided and audited in bulk: a page of 50 persons costs what a page of 2 costs. */
@OmsorgsnavTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListCostTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired UserDetailsService users;

    @BeforeAll
    void manyNamesakes() {
        for (int i = 0; i < 60; i++) {
            insert("Konstantsson", "Person" + i, i % 3 == 0 ? "CONFIDENTIALITY_MARKING" : "NONE");
        }
        insert("Fåtalsson", "Ett", "NONE");
        insert("Fåtalsson", "Två", "NONE");
        // a locked namesake too, so both searches take the same path through the decision
        insert("Fåtalsson", "Tre", "CONFIDENTIALITY_MARKING");
    }

    @Test
    @DisplayName("Cost: a search page of 50 persons costs as many SQL statements as a page of 2 (decision and audit in bulk)")
    void searchCostsAConstantNumberOfStatements() throws Exception {
        int many = statementsFor("Konstantsson");
        int few = statementsFor("Fåtalsson");
        assertThat(many).as("statements for 50 hits").isEqualTo(few).isLessThanOrEqualTo(12);
    }

    private int statementsFor(String name) throws Exception {
        var caller = user(users.loadUserByUsername("handlaggare"));
        StatementCounter.reset();
        String body = mvc.perform(post("/persons/search").param("q", name).with(csrf()).with(caller)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int statements = StatementCounter.count();
        assertThat(body).contains(name);
        return statements;
    }

    private void insert(String last, String first, String level) {
        data.person().named(first, last).protectedBy(level).create();
    }
}
