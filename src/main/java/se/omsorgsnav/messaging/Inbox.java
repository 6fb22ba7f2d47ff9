package se.omsorgsnav.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.person.PersonDisclosure;
import se.omsorgsnav.person.PersonView;
import se.omsorgsnav.person.Purpose;
import se.omsorgsnav.shared.InvalidInputException;

/**
 * The reader's side (MSG-6): the inbox newest first by keyset, the unread count, opening a
 * message, marking it read and archiving it. Persons come through the gate, a page's in one call.
 */
@Component
public class Inbox {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final PersonDisclosure gate;
    private final MessageAccess access;
    private final MessageAttachments attachments;
    private final StaffDirectory staff;
    private final Clock clock;

    Inbox(JdbcClient jdbc, CurrentUsers users, PersonDisclosure gate, MessageAccess access, MessageAttachments attachments, StaffDirectory staff,
          Clock clock) {
        this.staff = staff;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.users = users;
        this.gate = gate;
        this.access = access;
        this.clock = clock;
    }

    private record Row(UUID id, UUID threadId, MessageType type, String subject, String caseNumber, UUID personId, OffsetDateTime sentAt,
                       boolean read, UUID sender) {}

    /** One statement for the page, one for the unread count, and the gate's fixed few for the page's persons. */
    @Transactional
    public InboxPage page(String cursor, Integer limit) {
        CurrentUser me = users.current();
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidInputException("limit", "Ange hur många meddelanden sidan ska visa: 1–" + MAX_LIMIT + ".");
        }
        Cursor after = Cursor.parse(cursor);
        // A row comparison, so that PostgreSQL uses it as an index condition: a page 20,000 rows deep took 72 ms as an OR, 5.6 ms so (bench/README).
        String keyset = after == null ? "" : "and (d.sent_at, d.message_id) < (:at, :after)";
        var query = jdbc.sql("""
                        select d.message_id, m.thread_id, m.type, m.subject, m.case_number, m.person_id, d.sent_at, d.read_at, m.sender_id
                        from message_delivery d
                          join message m on m.id = d.message_id
                        where d.user_id = :me and d.archived = false %s
                        order by d.sent_at desc, d.message_id desc
                        limit :n
                        """.formatted(keyset))
                .param("me", me.id()).param("n", n + 1);
        if (after != null) {
            query = query.param("at", after.sentAt()).param("after", after.id());
        }
        List<Row> rows = new ArrayList<>(query.query(this::row).list());
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            Row last = rows.get(n - 1);
            next = new Cursor(last.sentAt(), last.id()).encode();
        }
        long unread = jdbc.sql("select count(*) from message_delivery where user_id = ? and archived = false and read_at is null")
                .param(me.id()).query(Long.class).single();
        return new InboxPage(items(rows), unread, next);
    }

    /**
     * The reader's unread messages of these types, newest first: the work a role gets by routing
     * (UX-2; the fee officers' move-ins, deaths and move-outs, MSG-4, and fee information, BIL-7).
     */
    @Transactional
    public List<InboxItem> unreadOfTypes(Set<MessageType> types, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        return items(jdbc.sql(UNREAD + " and m.type in (:types) order by d.sent_at desc, d.message_id desc limit :n")
                .param("me", users.current().id()).param("types", types.stream().map(Enum::name).toList()).param("n", limit)
                .query(this::row).list());
    }

    /**
     * The reader's unread messages that reached them through the named system group, newest first
     * (UX-2: the assignments the alarm centre receives as "Trygghetsjouren uppdragsmottagare", MSG-2).
     */
    @Transactional
    public List<InboxItem> unreadViaSystemGroup(String group, int limit) {
        return items(jdbc.sql(UNREAD + """
                         and d.via_group_id in (select g.id from message_group g where g.kind = 'SYSTEM' and g.name = :group)
                        order by d.sent_at desc, d.message_id desc limit :n""")
                .param("me", users.current().id()).param("group", group).param("n", limit)
                .query(this::row).list());
    }

    /** Unread and not archived; served by the index message_delivery_unread. */
    private static final String UNREAD = """
            select d.message_id, m.thread_id, m.type, m.subject, m.case_number, m.person_id, d.sent_at, d.read_at, m.sender_id
            from message_delivery d
              join message m on m.id = d.message_id
            where d.user_id = :me and d.archived = false and d.read_at is null""";

    private Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), MessageType.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class) != null,
                rs.getObject(9, UUID.class));
    }

    /** The rows as a list shows them: persons through the gate in one call, senders in one lookup. */
    private List<InboxItem> items(List<Row> rows) {
        Map<UUID, PersonView> persons = persons(rows.stream().map(Row::personId).filter(Objects::nonNull).distinct().toList(), Purpose.MESSAGE_INBOX);
        Map<UUID, StaffDirectory.StaffView> staff = this.staff.findAll(rows.stream().map(Row::sender).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> new InboxItem(r.id(), r.threadId(), r.type(), r.type().title(),
                subject(r.subject(), r.caseNumber(), r.personId() == null ? null : persons.get(r.personId())),
                masked(r.personId() == null ? null : persons.get(r.personId())) ? STAFF_WITHHELD : name(staff, r.sender()),
                r.sentAt(), r.read(), r.caseNumber(), r.personId() == null ? null : MessagePerson.of(persons.get(r.personId())))).toList();
    }

    /**
     * Opens a message: its sender and recipients only (else "Behörighet saknas", alike for no such
     * message); audited. What it says about its person — the subject beyond the case number, the
     * text, every field but the neutral ones, the attachments' names — is shown only to a reader
     * who may see the person in full, decided now from today's protection (PROT-3, PROT-25), so that
     * protection that began after the message was written masks it too. The sender is no exception:
     * a message composed by the system from a record shows its sender what the gate lets them see.
     */
    @Transactional
    public MessageView open(UUID id) {
        MessageAccess.Readable readable = access.require(MessageAction.READ_MESSAGE, id);
        Message m = jdbc.sql("""
                        select m.id, m.thread_id, m.reply_to, m.type, m.subject, m.body, m.case_number, m.sent_at, m.sender_id
                        from message m where m.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new Message(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        MessageType.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, UUID.class)))
                .single();
        PersonView person = readable.personId() == null ? null : persons(List.of(readable.personId()), Purpose.MESSAGE).get(readable.personId());
        boolean hide = readable.personId() != null && (person == null || person.masked() || !access.inFull(readable));

        Map<String, String> fields = new LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        jdbc.sql("select name, field_value from message_field where message_id = ? order by name").param(id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(f -> {
                    // A field the type no longer knows is treated as the most sensitive kind.
                    boolean sensitive = m.type().field(f.getKey()).map(MessageField::withheldWhenMasked).orElse(true);
                    if (hide && sensitive) {
                        withheld.add(f.getKey());
                    } else {
                        fields.put(f.getKey(), f.getValue());
                    }
                });
        boolean bodyWithheld = hide && m.body() != null && !m.body().isBlank();
        String subject = hide && m.caseNumber() != null ? m.caseNumber() : m.subject();
        // Who sent and received it says where she is served (a home's manager, a unit's group): for a reader who may not
        // see her in full, only the system's groups (BOSAM, the fee officers …) and the reader's own name are shown.
        record Addressee(UUID user, String group, boolean systemGroup) {}
        List<Addressee> addressees = jdbc.sql("""
                        select a.user_id, g.name, g.kind from message_addressee a left join message_group g on g.id = a.group_id
                        where a.message_id = ?
                        """).param(id)
                .query((rs, n) -> new Addressee(rs.getObject(1, UUID.class), rs.getString(2), "SYSTEM".equals(rs.getString(3)))).list();
        record Delivery(String group, boolean systemGroup, UUID user, OffsetDateTime readAt) {}
        List<Delivery> deliveries = jdbc.sql("""
                        select g.name, g.kind, d.user_id, d.read_at from message_delivery d join message_group g on g.id = d.via_group_id
                        where d.message_id = ?
                        """).param(id)
                .query((rs, n) -> new Delivery(rs.getString(1), "SYSTEM".equals(rs.getString(2)), rs.getObject(3, UUID.class),
                        rs.getObject(4, OffsetDateTime.class))).list();
        Set<UUID> named = new HashSet<>();
        named.add(m.senderId());
        addressees.stream().map(Addressee::user).filter(Objects::nonNull).forEach(named::add);
        deliveries.forEach(d -> named.add(d.user()));
        Map<UUID, StaffDirectory.StaffView> staff = this.staff.findAll(named);
        UUID me = users.current().id();
        List<String> recipientUsers = addressees.stream().filter(a -> a.user() != null && (!hide || a.user().equals(me)))
                .map(a -> name(staff, a.user())).sorted().toList();
        List<String> recipientGroups = addressees.stream().filter(a -> a.group() != null && (!hide || a.systemGroup()))
                .map(Addressee::group).sorted().toList();
        List<MessageView.ReadReceipt> receipts = deliveries.stream().filter(d -> !hide || d.systemGroup())
                .map(d -> new MessageView.ReadReceipt(d.group(), name(staff, d.user()), d.readAt()))
                .sorted(java.util.Comparator.comparing(MessageView.ReadReceipt::group).thenComparing(MessageView.ReadReceipt::user)).toList();
        String sender = hide && !m.senderId().equals(me) ? STAFF_WITHHELD : name(staff, m.senderId());
        return new MessageView(m.id(), m.threadId(), m.replyTo(), m.type(), m.type().title(), subject, bodyWithheld ? null : m.body(),
                bodyWithheld, fields, withheld, m.caseNumber(), MessagePerson.of(person), sender, m.sentAt(), recipientUsers,
                recipientGroups, receipts, attachments.list(id, hide), readable.delivered() && readable.readAt() == null);
    }

    /** What a reader sees instead of a member of staff who would say where a masked person is served. */
    static final String STAFF_WITHHELD = "Visas inte (skyddad person)";

    private static String name(Map<UUID, StaffDirectory.StaffView> staff, UUID user) {
        StaffDirectory.StaffView view = staff.get(user);
        return view == null ? "Okänd användare" : view.fullName();
    }

    /**
     * The thread of a message, oldest first: the messages of it that this reader sent or received
     * (a reply to someone else is not theirs to see). Only subjects and senders: opening one is
     * {@link #open}. One statement; the access check of the message asked for is the caller's
     * {@link #open}, which the page makes first.
     */
    @Transactional(readOnly = true)
    public List<ThreadItem> thread(UUID id) {
        CurrentUser me = users.current();
        MessageAccess.Readable readable = access.require(MessageAction.READ_MESSAGE, id);
        // A thread stays on its case: a reader who may not see its person in full sees its subjects as the case number.
        boolean inFull = readable.caseNumber() == null || access.inFull(readable);
        record Row(UUID id, String subject, UUID sender, OffsetDateTime sentAt) {}
        List<Row> rows = jdbc.sql("""
                        select m.id, m.subject, m.sender_id, m.sent_at from message m
                        where m.thread_id = :thread
                          and (m.sender_id = :me or exists (select 1 from message_delivery d where d.message_id = m.id and d.user_id = :me))
                        order by m.sent_at, m.id
                        """)
                .param("thread", readable.threadId()).param("me", me.id())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class)))
                .list();
        Map<UUID, StaffDirectory.StaffView> staff = this.staff.findAll(rows.stream().map(Row::sender).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> new ThreadItem(r.id(), inFull ? r.subject() : readable.caseNumber(),
                inFull || r.sender().equals(me.id()) ? name(staff, r.sender()) : STAFF_WITHHELD, r.sentAt(), r.id().equals(id))).toList();
    }

    private record Message(UUID id, UUID threadId, UUID replyTo, MessageType type, String subject, String body, String caseNumber,
                           OffsetDateTime sentAt, UUID senderId) {}

    /** Marks the message read for this reader (the first time counts); the sender may call it too, to no effect. */
    @Transactional
    public void markRead(UUID id) {
        CurrentUser me = users.current();
        access.require(MessageAction.MARK_READ, id);
        jdbc.sql("update message_delivery set read_at = ? where message_id = ? and user_id = ? and read_at is null")
                .params(OffsetDateTime.now(clock), id, me.id()).update();
    }

    /** Hides the message from this reader's inbox; it stays readable by id, and for everyone else. */
    @Transactional
    public void archive(UUID id) {
        CurrentUser me = users.current();
        MessageAccess.Readable readable = access.require(MessageAction.ARCHIVE_MESSAGE, id);
        if (!readable.delivered()) {
            throw new InvalidInputException("id", "Meddelandet finns inte i din inkorg.");
        }
        jdbc.sql("update message_delivery set archived = true where message_id = ? and user_id = ?").params(id, me.id()).update();
    }

    private Map<UUID, PersonView> persons(List<UUID> ids, Purpose purpose) {
        Map<UUID, PersonView> views = new HashMap<>();
        if (!ids.isEmpty()) {
            gate.list(ids, purpose).forEach(v -> views.put(v.id(), v));
        }
        return views;
    }

    /**
     * A subject as a list shows it: for a person masked to the reader, the case number only,
     * decided now (PROT-25): a subject written before her protection began may name more.
     */
    static String subject(String subject, String caseNumber, PersonView person) {
        return masked(person) && caseNumber != null ? caseNumber : subject;
    }

    private static boolean masked(PersonView person) {
        return person != null && person.masked();
    }

    /** Where a page ended: the last row's time and id, opaque to the client. */
    record Cursor(OffsetDateTime sentAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((sentAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                return new Cursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidInputException("cursor", "Sidmarkören är ogiltig. Börja om från första sidan.");
            }
        }
    }
}
