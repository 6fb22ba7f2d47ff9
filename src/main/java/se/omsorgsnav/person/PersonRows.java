package se.omsorgsnav.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.omsorgsnav.shared.PersonalIdentityNumber;

/** The register's SQL. Every method is one statement, whatever the number of persons. */
@Repository
class PersonRows {

    /**
     * The protection a person has today, the one place this is decided: lokalt skydd past its last
     * day counts as none (PROT-2); and protection ends when the person dies (PROT-11, 002 §5.13,
     * §8.10: "Skyddet av personuppgifter upphör att gälla om personen avlider") — from the date of
     * death on, decided when read.
     */
    static final String EFFECTIVE_LEVEL = """
            case when %1$s.date_of_death is not null and %1$s.date_of_death <= :today then 'NONE'
                 when %1$s.protection_level = 'LOCAL_PROTECTION' and %1$s.local_protection_until < :today then 'NONE'
                 else %1$s.protection_level end""";

    private static final String COLUMNS = """
            p.id, p.personal_identity_number, p.first_name, p.last_name, p.street_address, p.postal_code, p.city,
            p.phone, %s as protection_level, p.fictitious_name, p.date_of_death, p.local_protection_until""".formatted(EFFECTIVE_LEVEL.formatted("p"));

    private static final String PROTECTED_LINKS = """
            select r.person_id, r.related_person_id from person_relation r
              join person q on q.id = r.related_person_id
            where r.person_id in (:ids) and %1$s <> 'NONE'
            union all
            select r.related_person_id, r.person_id from person_relation r
              join person q on q.id = r.person_id
            where r.related_person_id in (:ids) and %1$s <> 'NONE'
            """.formatted(EFFECTIVE_LEVEL.formatted("q"));

    private static final String BY_IDS = "select " + COLUMNS + " from person p where p.id in (:ids)";

    private final JdbcClient jdbc;
    private final Clock clock;

    PersonRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<UUID, PersonRow> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, PersonRow> rows = new HashMap<>();
        jdbc.sql(BY_IDS).param("ids", ids).param("today", LocalDate.now(clock))
                .query(PersonRows::row).list().forEach(r -> rows.put(r.id(), r));
        return rows;
    }

    Optional<UUID> idOf(PersonalIdentityNumber number) {
        return jdbc.sql("select id from person where personal_identity_number = ?").param(number.canonical())
                .query(UUID.class).optional();
    }

    /**
     * The person {@code p} is locked today: protected, or linked to a protected person (PROT-5), as
     * a SQL predicate over the row, the same decision as the gate's.
     */
    static final String LOCKED = """
            (%1$s <> 'NONE'
             or exists (select 1 from person_relation lr join person lq on lq.id = lr.related_person_id
                        where lr.person_id = p.id and %2$s <> 'NONE')
             or exists (select 1 from person_relation lr join person lq on lq.id = lr.person_id
                        where lr.related_person_id = p.id and %2$s <> 'NONE'))""".formatted(EFFECTIVE_LEVEL.formatted("p"), EFFECTIVE_LEVEL.formatted("lq"));

    /**
     * The user may see person {@code p} in full through a protected person {@code lq} she is linked
     * to: {@code p} has no protection of her own, and {@code authorisedForLinked} (over {@code lq.id})
     * holds for a protected person linked to her (PROT-5, PROT-25).
     */
    private static String throughLink(String authorisedForLinked) {
        return """
                (%1$s = 'NONE'
                 and (exists (select 1 from person_relation lr join person lq on lq.id = lr.related_person_id
                              where lr.person_id = p.id and %2$s <> 'NONE' and %3$s)
                      or exists (select 1 from person_relation lr join person lq on lq.id = lr.person_id
                                 where lr.related_person_id = p.id and %2$s <> 'NONE' and %3$s)))"""
                .formatted(EFFECTIVE_LEVEL.formatted("p"), EFFECTIVE_LEVEL.formatted("lq"), authorisedForLinked);
    }

    /** Who the user may see in full: the access rule over {@code p}, and over the protected persons linked to her. */
    record Permitted(se.omsorgsnav.access.RowFilter own, se.omsorgsnav.access.RowFilter linked) {}

    /**
     * Persons whose names start with every term and whom the user may see in full, in name order; at
     * most {@code limit}. The limit is applied to the permitted rows, so that a cut list never tells
     * that locked persons carry the name (PROT-24). The first term drives two index range scans, one
     * on surnames and one on first names, each already cut to the limit: one condition "surname or
     * first name" could use neither index, and a common surname then meant walking a million rows
     * (bench/README.md).
     */
    List<UUID> idsByName(List<String> terms, int limit, Permitted permitted) {
        StringBuilder others = new StringBuilder();
        Map<String, Object> params = new HashMap<>(permitted.own().params());
        params.putAll(permitted.linked().params());
        params.put("today", LocalDate.now(clock));
        others.append(" and (").append(permitted.own().sql()).append(" or ").append(throughLink(permitted.linked().sql())).append(")");
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                others.append(" and (p.last_name_search like :t%1$d or p.first_name_search like :t%1$d)".formatted(i));
            }
            params.put("t" + i, escapeLike(terms.get(i)) + "%");
        }
        params.put("limit", limit);
        String branch = "(select p.id, p.last_name_search, p.first_name_search from person p where p.%s like :t0" + others
                + " order by p.last_name_search, p.first_name_search, p.id limit :limit)";
        return jdbc.sql("select x.id from (" + branch.formatted("last_name_search") + " union " + branch.formatted("first_name_search")
                        + ") x order by x.last_name_search, x.first_name_search, x.id limit :limit")
                .params(params).query(UUID.class).list();
    }

    record Link(UUID personId, UUID relatedPersonId, RelationKind kind) {}

    /** Every link touching the given persons, seen from their side. */
    List<Link> linksOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select person_id, related_person_id, kind from person_relation where person_id in (:ids)
                        union all
                        select related_person_id, person_id, kind from person_relation where related_person_id in (:ids)
                        """)
                .param("ids", ids)
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), RelationKind.valueOf(rs.getString(3))))
                .list();
    }

    /** For each given person, the protected persons linked to it: what locks it (PROT-5). */
    Map<UUID, Set<UUID>> protectedLinks(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<UUID>> result = new HashMap<>();
        jdbc.sql(PROTECTED_LINKS)
                .param("ids", ids).param("today", LocalDate.now(clock))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list()
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return result;
    }

    void insert(UUID id, NewPerson person, java.time.OffsetDateTime now) {
        jdbc.sql("""
                        insert into person (id, personal_identity_number, first_name, last_name, street_address, postal_code, city,
                                            phone, protection_level, fictitious_name, date_of_death, registered_at,
                                            last_name_search, first_name_search)
                        values (:id, :pin, :first, :last, :street, :postal, :city, :phone, :level, :alias, :death, :now,
                                :lastSearch, :firstSearch)
                        """)
                .param("id", id)
                .param("pin", person.personalIdentityNumber().canonical())
                .param("first", person.firstName())
                .param("last", person.lastName())
                .param("street", person.streetAddress())
                .param("postal", person.postalCode())
                .param("city", person.city())
                .param("phone", person.phone())
                .param("level", person.protectionLevel().name())
                .param("alias", person.fictitiousName())
                .param("death", person.dateOfDeath())
                .param("now", now)
                .param("lastSearch", NameSearch.normalise(person.lastName()))
                .param("firstSearch", NameSearch.normalise(person.firstName()))
                .update();
    }

    void setLocalProtection(UUID personId, LocalDate until) {
        jdbc.sql("update person set protection_level = 'LOCAL_PROTECTION', local_protection_until = ? where id = ?").params(until, personId).update();
    }

    boolean exists(UUID personId) {
        return jdbc.sql("select count(*) from person where id = ?").param(personId).query(Long.class).single() > 0;
    }

    /** True when the date was set now; false when the register already had one. */
    boolean recordDeath(UUID personId, LocalDate dateOfDeath) {
        return jdbc.sql("update person set date_of_death = ? where id = ? and date_of_death is null").params(dateOfDeath, personId).update() == 1;
    }

    void link(UUID personId, UUID relatedPersonId, RelationKind kind) {
        jdbc.sql("insert into person_relation (id, person_id, related_person_id, kind) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), personId, relatedPersonId, kind.name())
                .update();
    }

    boolean linked(UUID a, UUID b) {
        return jdbc.sql("""
                        select count(*) from person_relation
                        where (person_id = :a and related_person_id = :b) or (person_id = :b and related_person_id = :a)
                        """)
                .param("a", a).param("b", b).query(Long.class).single() > 0;
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PersonRow row(ResultSet rs, int n) throws SQLException {
        return new PersonRow(rs.getObject("id", UUID.class),
                PersonalIdentityNumber.fromCanonical(rs.getString("personal_identity_number")),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("street_address"),
                rs.getString("postal_code"), rs.getString("city"), rs.getString("phone"),
                ProtectionLevel.valueOf(rs.getString("protection_level")), rs.getString("fictitious_name"),
                rs.getObject("date_of_death", LocalDate.class), rs.getObject("local_protection_until", LocalDate.class));
    }
}
