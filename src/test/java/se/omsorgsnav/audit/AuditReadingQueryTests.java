package se.omsorgsnav.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.NotFoundException;
import se.omsorgsnav.support.AsUser;
import se.omsorgsnav.support.DemoUsers;
import se.omsorgsnav.support.OmsorgsnavTest;
import se.omsorgsnav.support.TestClock;

/**
 * Reading the audit log on the database: the search's bounds and filters, and a review's limits,
 * summary, file and conclusion. Each test writes its events under a user name of its own, so no
 * other test's events are in its scope.
 */
@OmsorgsnavTest
class AuditReadingQueryTests {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 27);

    @Autowired AuditTrail trail;
    @Autowired AuditReviews reviews;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;

    private UUID event(String username, UUID unit, UUID person, OffsetDateTime at, String outcome) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into audit_event (id, occurred_at, actor_user_id, actor_username, actor_role, actor_unit_id, person_id, case_id,
                                                 action, purpose, outcome, client_address)
                        values (?, ?, ?, ?, 'CASE_OFFICER', ?, ?, null, 'VIEW', 'PERSON_PAGE', ?, '127.0.0.1')
                        """)
                .params(id, at, UUID.randomUUID(), username, unit, person, outcome).update();
        jdbc.sql("insert into audit_pending (event_id) values (?)").param(id).update();
        return id;
    }

    /** Midnight of the day in the municipality's zone, as UTC. */
    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(TestClock.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String someone() {
        return "granskad-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @DisplayName("a search asks for one to five hundred rows, and a period that does not end before it starts")
    void searchBounds() {
        AuditTrail.Query any = new AuditTrail.Query(null, someone(), null, null, null);
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            assertThatThrownBy(() -> trail.search(any, null, 0, "T")).isInstanceOf(InvalidInputException.class).hasMessageContaining("500");
            assertThatThrownBy(() -> trail.search(any, null, 501, "T")).isInstanceOf(InvalidInputException.class);
            assertThat(trail.search(any, null, 1, "T").entries()).isEmpty();
            assertThat(trail.search(any, null, 500, "T").next()).isNull();
            assertThatThrownBy(() -> trail.search(new AuditTrail.Query(null, null, null, DAY, DAY.minusDays(1)), null, 10, "T"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("slutar innan");
            assertThat(trail.search(new AuditTrail.Query(null, any.username(), null, DAY, DAY), null, 10, "T").entries()).isEmpty();
        }
    }

    @Test
    @DisplayName("a period runs from the first day's midnight to the last day's end in the municipality's zone; user and unit narrow it")
    void searchFilters() {
        String name = someone();
        UUID unit = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID first = event(name, unit, person, startOf(DAY), "ALLOWED");
        UUID last = event(name, null, person, startOf(DAY.plusDays(1)).minusNanos(1000), "ALLOWED");
        UUID before = event(name, unit, person, startOf(DAY).minusNanos(1000), "ALLOWED");
        UUID after = event(name, unit, person, startOf(DAY.plusDays(1)), "DENIED");
        UUID otherUser = event(someone(), unit, person, startOf(DAY).plusHours(10), "ALLOWED");
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            assertThat(trail.search(new AuditTrail.Query(null, " " + name + " ", null, DAY, DAY), null, 10, "T").entries())
                    .extracting(AuditTrail.Entry::id).containsExactly(last, first);
            assertThat(trail.search(new AuditTrail.Query(null, name, null, null, null), null, 10, "T").entries())
                    .extracting(AuditTrail.Entry::id).containsExactly(after, last, first, before);
            assertThat(trail.search(new AuditTrail.Query(null, name, unit, null, null), null, 10, "T").entries())
                    .extracting(AuditTrail.Entry::id).containsExactly(after, first, before);
            assertThat(trail.search(new AuditTrail.Query(person, null, null, DAY, null), null, 10, "T").entries())
                    .extracting(AuditTrail.Entry::id).containsExactly(after, last, otherUser, first);
            assertThat(trail.search(new AuditTrail.Query(person, " ", null, null, DAY), null, 10, "T").entries())
                    .extracting(AuditTrail.Entry::id).containsExactly(last, otherUser, first, before);
            // the searches by person are themselves events on the person, today: a period before today leaves them out
            AuditTrail.Query around = new AuditTrail.Query(person, null, null, DAY.minusDays(1), DAY.plusDays(1));
            AuditTrail.Page page = trail.search(around, null, 4, "T");
            assertThat(page.entries()).hasSize(4);
            assertThat(trail.search(around, page.next(), 4, "T").entries())
                    .extracting(AuditTrail.Entry::id).containsExactly(before);
            AuditTrail.Entry shown = page.entries().get(0);
            assertThat(shown.masked()).isFalse();
            assertThat(shown.actorUsername()).isEqualTo(name);
            assertThat(shown.actorUnitId()).isEqualTo(unit);
            assertThat(shown.outcome()).isEqualTo("DENIED");
            assertThat(shown.purpose()).isEqualTo("PERSON_PAGE");
            assertThat(shown.clientAddress()).isEqualTo("127.0.0.1");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where purpose = 'T' and person_id = ? and actor_username = ?")
                .params(person, DemoUsers.UNIT_MANAGER).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    @DisplayName("a masked event keeps what happened and its outcome, the day only, and nothing of who, where or why")
    void maskedEntry() {
        UUID person = UUID.randomUUID();
        AuditTrail.Entry entry = new AuditTrail.Entry(UUID.randomUUID(), OffsetDateTime.parse("2026-10-27T15:30:00Z"), "handlaggare",
                "CASE_OFFICER", UUID.randomUUID(), person, UUID.randomUUID(), "VIEW", "PERSON_PAGE", "ALLOWED", "10.0.0.1", false);
        assertThat(entry.masked(java.time.Clock.system(TestClock.ZONE))).isEqualTo(new AuditTrail.Entry(entry.id(),
                OffsetDateTime.parse("2026-10-26T23:00:00Z"), "Skyddad person", "", null, person, null, "VIEW", "", "ALLOWED", null, true));
    }

    @Test
    @DisplayName("a review needs both days, a period that ends today or earlier and not before it starts, a sample of 0–200, a short user name")
    void reviewLimits() {
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            // The field named is the one the form marks (UX: the message beside its field).
            assertThatThrownBy(() -> reviews.open(new AuditReviews.Scope(null, null, null, null, DAY), 0))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("första och sista")
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("from");
            assertThatThrownBy(() -> reviews.open(new AuditReviews.Scope(null, null, null, DAY, null), 0))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("första och sista")
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("to");
            assertThatThrownBy(() -> reviews.open(new AuditReviews.Scope(null, null, null, DAY, DAY.minusDays(1)), 0))
                    .hasMessageContaining("slutar innan").extracting(e -> ((InvalidInputException) e).field()).isEqualTo("to");
            assertThatThrownBy(() -> reviews.open(new AuditReviews.Scope(null, null, null, DAY, TestClock.TODAY.plusDays(1)), 0))
                    .hasMessageContaining("efter i dag").extracting(e -> ((InvalidInputException) e).field()).isEqualTo("to");
            assertThatThrownBy(() -> reviews.open(new AuditReviews.Scope(null, someone(), null, DAY, DAY), -1)).hasMessageContaining("Stickprovet")
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("sampleSize");
            assertThatThrownBy(() -> reviews.open(new AuditReviews.Scope(null, someone(), null, DAY, DAY), 201)).hasMessageContaining("Stickprovet");
            assertThatThrownBy(() -> reviews.open(new AuditReviews.Scope(null, "x".repeat(101), null, DAY, DAY), 0)).hasMessageContaining("för långt")
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("user");
            assertThat(reviews.open(new AuditReviews.Scope(null, someone(), null, DAY, TestClock.TODAY), 200)).isNotNull();
            assertThat(reviews.open(new AuditReviews.Scope(null, "y".repeat(100), null, DAY, DAY), 0)).isNotNull();
        }
    }

    @Test
    @DisplayName("a review of one user's day: its summary, its sample, its file, and a conclusion that is written once")
    void reviewOfOneUser() {
        String name = someone();
        UUID unit = UUID.randomUUID();
        UUID personA = UUID.randomUUID();
        UUID personB = UUID.randomUUID();
        event(name, unit, personA, startOf(DAY).plusHours(10), "ALLOWED");
        event(name, unit, personB, startOf(DAY).plusHours(11), "DENIED");
        event(name, unit, personA, startOf(DAY.plusDays(1)).plusHours(10), "ALLOWED");
        UUID reviewer = jdbc.sql("select id from app_user where username = ?").param(DemoUsers.UNIT_MANAGER).query(UUID.class).single();
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            UUID id = reviews.open(new AuditReviews.Scope(null, " " + name + " ", null, DAY, DAY), 2);
            assertThat(reviews.reviewerOf(id)).contains(reviewer);
            assertThat(reviews.reviewerOf(UUID.randomUUID())).isEmpty();
            AuditReviews.Review review = reviews.find(id, -3);
            assertThat(review.page()).isZero();
            assertThat(review.morePages()).isFalse();
            AuditReviews.Summary summary = review.summary();
            assertThat(summary.eventsInScope()).isEqualTo(2);
            assertThat(summary.sampleSize()).isEqualTo(2);
            assertThat(summary.items()).isEqualTo(2);
            assertThat(summary.open()).isTrue();
            assertThat(summary.scope().username()).isEqualTo(name);
            assertThat(summary.reviewer()).isEqualTo(DemoUsers.UNIT_MANAGER);
            assertThat(review.counts()).containsEntry(ReviewFlag.SAMPLE, 2).containsEntry(ReviewFlag.DENIED, 1);
            assertThat(review.items()).extracting(AuditReviews.Item::username).containsOnly(name);
            assertThat(review.items()).extracting(AuditReviews.Item::masked).containsOnly(false);
            assertThat(reviews.find(id, 1).items()).isEmpty();
            assertThat(reviews.recent(0)).hasSize(1);
            // Other tests on the same database open reviews too, at the same fixed time: the cap is
            // what this proves; the new review is among the recent only while there are few.
            long stored = jdbc.sql("select count(*) from audit_review").query(Long.class).single();
            List<AuditReviews.Summary> recent = reviews.recent(500);
            assertThat(recent).hasSize((int) Math.min(stored, 200));
            if (stored <= 200) {
                assertThat(recent).extracting(AuditReviews.Summary::id).contains(id);
            }

            AuditReviews.Export export = reviews.exportCsv(id);
            assertThat(export.filename()).isEqualTo("loggranskning-" + TestClock.TODAY + ".csv");
            String csv = new String(export.content(), StandardCharsets.UTF_8);
            assertThat(csv).contains("Loggranskning").contains(id.toString()).contains(DemoUsers.UNIT_MANAGER).contains(DAY + " – " + DAY)
                    .contains("Pågående").doesNotContain("Bedömning").contains("Nekad");

            assertThatThrownBy(() -> reviews.conclude(id, null, "Inget att anmärka.")).hasMessageContaining("Välj vad");
            reviews.conclude(id, ReviewOutcome.REMARKS, "Följs upp med användaren.");
            assertThatThrownBy(() -> reviews.conclude(id, ReviewOutcome.NO_REMARKS, "Igen.")).hasMessageContaining("redan avslutad");
            AuditReviews.Summary concluded = reviews.find(id, 0).summary();
            assertThat(concluded.open()).isFalse();
            assertThat(concluded.outcome()).isEqualTo(ReviewOutcome.REMARKS);
            assertThat(concluded.conclusion()).isEqualTo("Följs upp med användaren.");
            assertThat(new String(reviews.exportCsv(id).content(), StandardCharsets.UTF_8))
                    .contains("Avslutad").contains(ReviewOutcome.REMARKS.label()).contains("Följs upp med användaren.");
            assertThatThrownBy(() -> reviews.find(UUID.randomUUID(), 0)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    @DisplayName("a review without a sample holds only what the rules flag; an empty scope stores a review of nothing")
    void reviewWithoutSample() {
        String name = someone();
        event(name, null, UUID.randomUUID(), startOf(DAY).plusHours(10), "ALLOWED");
        try (var manager = AsUser.login(users, DemoUsers.UNIT_MANAGER)) {
            UUID quiet = reviews.open(new AuditReviews.Scope(null, name, null, DAY, DAY), 0);
            assertThat(reviews.find(quiet, 0).summary().eventsInScope()).isEqualTo(1);
            UUID empty = reviews.open(new AuditReviews.Scope(null, someone(), null, DAY, DAY), 10);
            AuditReviews.Review nothing = reviews.find(empty, 0);
            assertThat(nothing.items()).isEmpty();
            assertThat(nothing.summary().eventsInScope()).isZero();
            assertThat(nothing.summary().items()).isZero();
        }
    }
}
