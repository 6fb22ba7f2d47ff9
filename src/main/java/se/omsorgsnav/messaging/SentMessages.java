package se.omsorgsnav.messaging;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The sender's side: messages I sent, newest first by keyset, each with how many it reached and
 * how many have read it. One statement for the page and the gate's fixed few for its persons.
 */
@Component
public class SentMessages {

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final PersonDisclosure gate;

    SentMessages(JdbcClient jdbc, CurrentUsers users, PersonDisclosure gate) {
        this.jdbc = jdbc;
        this.users = users;
        this.gate = gate;
    }

    private record Row(UUID id, UUID threadId, MessageType type, String subject, OffsetDateTime sentAt, String caseNumber, UUID personId,
                       long recipients, long read) {}

    @Transactional
    public SentPage page(String cursor, Integer limit) {
        CurrentUser me = users.current();
        int n = limit == null ? Inbox.DEFAULT_LIMIT : limit;
        if (n < 1 || n > Inbox.MAX_LIMIT) {
            throw new InvalidInputException("limit", "Ange hur många meddelanden sidan ska visa: 1–" + Inbox.MAX_LIMIT + ".");
        }
        Inbox.Cursor after = Inbox.Cursor.parse(cursor);
        String keyset = after == null ? "" : "and (m.sent_at, m.id) < (:at, :after)";
        var query = jdbc.sql("""
                        select m.id, m.thread_id, m.type, m.subject, m.sent_at, m.case_number, m.person_id,
                               (select count(*) from message_delivery d where d.message_id = m.id) as recipients,
                               (select count(d.read_at) from message_delivery d where d.message_id = m.id) as readers
                        from message m
                        where m.sender_id = :me %s
                        order by m.sent_at desc, m.id desc
                        limit :n
                        """.formatted(keyset))
                .param("me", me.id()).param("n", n + 1);
        if (after != null) {
            query = query.param("at", after.sentAt()).param("after", after.id());
        }
        List<Row> rows = new ArrayList<>(query.query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                MessageType.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                rs.getObject(7, UUID.class), rs.getLong(8), rs.getLong(9))).list());
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            Row last = rows.get(n - 1);
            next = new Inbox.Cursor(last.sentAt(), last.id()).encode();
        }
        List<UUID> personIds = rows.stream().map(Row::personId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, PersonView> persons = new HashMap<>();
        if (!personIds.isEmpty()) {
            gate.list(personIds, Purpose.MESSAGE_INBOX).forEach(v -> persons.put(v.id(), v));
        }
        return new SentPage(rows.stream().map(r -> new SentItem(r.id(), r.threadId(), r.type(), r.type().title(),
                Inbox.subject(r.subject(), r.caseNumber(), r.personId() == null ? null : persons.get(r.personId())), r.sentAt(),
                r.caseNumber(), r.personId() == null ? null : MessagePerson.of(persons.get(r.personId())), r.recipients(), r.read())).toList(),
                next);
    }
}
