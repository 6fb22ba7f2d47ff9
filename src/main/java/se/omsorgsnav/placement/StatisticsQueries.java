package se.omsorgsnav.placement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The statistics' SQL, one statement per series, each reading only the rows of the period through
 * an index (V38) and answering in a few compact rows: months are numbered year * 12 + month - 1 in
 * SQL, so that H2 and PostgreSQL bucket alike without generate_series.
 */
@Component
class StatisticsQueries {

    private final JdbcClient jdbc;
    private final se.omsorgsnav.access.StaffDirectory staff;

    StatisticsQueries(JdbcClient jdbc, se.omsorgsnav.access.StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /** How many decisions entered the queue in one month and moved in in another (null: not yet by {@code today}). */
    record QueueFlow(int decidedMonth, Integer movedInMonth, int decisions) {}

    /**
     * The decisions that can stand in the queue during the period: the open ones and those executed
     * since it began. A withdrawn decision is left out: the day it left the queue is not recorded.
     * Moved in means the accepted allocation's move-in on or before today, or else the execution.
     */
    List<QueueFlow> queueFlows(LocalDate from, LocalDate today) {
        return jdbc.sql("""
                        select m.decided_month, m.moved_in_month, count(*) as decisions
                        from (select extract(year from q.decided_on) * 12 + extract(month from q.decided_on) - 1 as decided_month,
                                     extract(year from q.moved_in_on) * 12 + extract(month from q.moved_in_on) - 1 as moved_in_month
                              from (select d.decided_on,
                                           coalesce((select min(l.move_in_on) from allocation l
                                                     where l.decision_id = d.id and l.status = 'ACCEPTED' and l.move_in_on <= ?),
                                                    d.executed_on) as moved_in_on
                                    from placement_decision d
                                    where d.status in ('QUEUED', 'ALLOCATED', 'OFFERED', 'ACCEPTED')
                                       or (d.status = 'EXECUTED' and d.executed_on >= ?)) q) m
                        group by m.decided_month, m.moved_in_month
                        """)
                .params(today, from)
                .query((rs, n) -> {
                    int decided = rs.getInt(1);
                    int movedIn = rs.getInt(2);
                    return new QueueFlow(decided, rs.wasNull() ? null : movedIn, rs.getInt(3));
                })
                .list();
    }

    /** One month's waiting times of one kind, OFFER (to the first offer) or MOVE_IN. */
    record Waiting(String kind, int month, int count, double median, double p90) {}

    List<Waiting> waitingTimes(LocalDate from, LocalDate today) {
        return jdbc.sql("""
                        select w.kind, w.month_number, count(*), percentile_cont(0.5) within group (order by w.days),
                               percentile_cont(0.9) within group (order by w.days)
                        from (select 'OFFER' as kind, extract(year from l.offered_on) * 12 + extract(month from l.offered_on) - 1 as month_number,
                                     cast(l.offered_on - d.decided_on as integer) as days
                              from allocation l join placement_decision d on d.id = l.decision_id
                              where l.offered_on >= ? and l.offered_on <= ?
                                and not exists (select 1 from allocation e where e.decision_id = l.decision_id and e.offered_on is not null
                                                and (e.offered_on < l.offered_on or (e.offered_on = l.offered_on and e.id < l.id)))
                              union all
                              select 'MOVE_IN', extract(year from l.move_in_on) * 12 + extract(month from l.move_in_on) - 1,
                                     cast(l.move_in_on - d.decided_on as integer)
                              from allocation l join placement_decision d on d.id = l.decision_id
                              where l.status = 'ACCEPTED' and l.move_in_on >= ? and l.move_in_on <= ?) w
                        group by w.kind, w.month_number
                        """)
                .params(from, today, from, today)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4), rs.getDouble(5)))
                .list();
    }

    /** A vacancy and when the apartment was next moved into after it was ready (null: still empty). */
    record VacancySpan(UUID homeId, UUID apartmentId, LocalDate readyOn, LocalDate movedInOn) {}

    /**
     * The vacancies that can have stood empty during the period: those ready within it (by the
     * ready_on index), and older ones not moved into before it began. The older ones are a second
     * branch, so that PostgreSQL answers them with one anti-join instead of a probe per vacancy; it
     * still reads every older vacancy, which is what grows with the years of history.
     */
    List<VacancySpan> vacancySpans(LocalDate from, LocalDate today, UUID home) {
        String scope = home == null ? "" : " and a.unit_id = ?";
        String movedIn = """
                (select min(l.move_in_on) from allocation l
                 where l.apartment_id = v.apartment_id and l.status = 'ACCEPTED' and l.move_in_on >= v.ready_on)""";
        List<Object> params = new java.util.ArrayList<>(List.of(from, today));
        if (home != null) {
            params.add(home);
        }
        params.add(from);
        params.add(from);
        if (home != null) {
            params.add(home);
        }
        return jdbc.sql("""
                        select a.unit_id, v.apartment_id, v.ready_on, %2$s as moved_in_on
                        from vacancy v join apartment a on a.id = v.apartment_id
                        where v.ready_on >= ? and v.ready_on <= ?%1$s
                        union all
                        select a.unit_id, v.apartment_id, v.ready_on, %2$s
                        from vacancy v join apartment a on a.id = v.apartment_id
                        where v.ready_on < ?
                          and not exists (select 1 from allocation f where f.apartment_id = v.apartment_id and f.status = 'ACCEPTED'
                                          and f.move_in_on >= v.ready_on and f.move_in_on <= ?)%1$s
                        """.formatted(scope, movedIn))
                .params(params)
                .query((rs, n) -> new VacancySpan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    record Home(UUID id, String name) {}

    /** The nursing homes by name, as the staff directory knows them (placement reads no unit table); {@code home} null for all. */
    List<Home> homes(UUID home) {
        return staff.nursingHomes().stream().filter(u -> home == null || u.id().equals(home)).map(u -> new Home(u.id(), u.name())).toList();
    }

}
