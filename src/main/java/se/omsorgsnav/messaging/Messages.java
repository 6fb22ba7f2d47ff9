package se.omsorgsnav.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.omsorgsnav.access.AccessControl;
import se.omsorgsnav.access.CaseDirectory;
import se.omsorgsnav.access.CaseDirectory.CaseFacts;
import se.omsorgsnav.access.CurrentUser;
import se.omsorgsnav.access.CurrentUsers;
import se.omsorgsnav.access.StaffDirectory;
import se.omsorgsnav.access.Target;
import se.omsorgsnav.audit.AuditAction;
import se.omsorgsnav.audit.AuditEntry;
import se.omsorgsnav.audit.AuditLog;
import se.omsorgsnav.audit.AuditOutcome;
import se.omsorgsnav.person.ProtectedNames;
import se.omsorgsnav.shared.CaseNumber;
import se.omsorgsnav.shared.FreeText;
import se.omsorgsnav.shared.InvalidInputException;
import se.omsorgsnav.shared.PersonalIdentityNumber;
import se.omsorgsnav.shared.TimeOrderedIds;
import se.omsorgsnav.shared.WarningNotConfirmed;

/**
 * Sends messages (MSG-2..MSG-5, MSG-7, MSG-8): checks the subject, the text, the structured fields
 * and the attachments, routes structured types by rule, delivers to each recipient user and each
 * member of each group, all in one transaction with the attachments and its audit event. The same
 * idempotency key from the same sender gives back the first message and its attachments, also when
 * two requests race (the unique key decides).
 */
@Component
public class Messages {

    static final int MAX_BODY = 8000;
    static final String NAME_IN_TEXT = "Texten innehåller ett namn som inte får stå i meddelandet: ärendet gäller en person med "
            + "skyddade personuppgifter. Skriv ärendenumret i stället för namnet. Om texten ändå ska skickas, bekräfta det; "
            + "den visas då bara för mottagare med behörighet till ärendet.";
    static final String ROUTED_ONLY = "Meddelandetypen %s går bara till dem rutinen skickar den till (boendesamordnarna). "
            + "Ange inga egna mottagare.";
    static final String ATTACHMENT_REQUIRED = "Bifoga mätningen: meddelandetypen %s skickas alltid med sin bilaga.";
    static final String NO_PERSONNUMMER_IN_BODY = "Skriv aldrig personnummer i ett meddelande. Koppla meddelandet till ärendet "
            + "med ärendenumret, så visas personen för den som har behörighet.";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CurrentUsers users;
    private final CaseDirectory cases;
    private final ProtectedNames protectedNames;
    private final MessageAccess messageAccess;
    private final AccessControl access;
    private final MessageAttachments attachments;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StaffDirectory staff;

    Messages(JdbcClient jdbc, JdbcTemplate batch, CurrentUsers users, CaseDirectory cases, ProtectedNames protectedNames,
             MessageAccess messageAccess, AccessControl access, MessageAttachments attachments, AuditLog audit, Clock clock,
             ApplicationEventPublisher events, StaffDirectory staff) {
        this.staff = staff;
        this.attachments = attachments;
        this.events = events;
        this.jdbc = jdbc;
        this.batch = batch;
        this.users = users;
        this.cases = cases;
        this.protectedNames = protectedNames;
        this.messageAccess = messageAccess;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The message sent, or the one sent earlier with the same key ({@code created} false). */
    public record Sent(UUID id, UUID threadId, boolean created) {}

    /**
     * Sends a message composed by the module that owns its record (a place offer, a move-in, an
     * access order …) or by hand through {@link #compose}. A module's message goes as the current
     * user, who is its sender and sees it afterwards as any reader does.
     */
    @Transactional
    public Sent send(NewMessage request) {
        return deliver(request, false);
    }

    /**
     * A message a user writes (the compose page, the API, a reply): as {@link #send}, except that a
     * type which stands for a record comes only from the record (fault 17): "Behörighet saknas",
     * recorded, and nothing stored.
     */
    @Transactional
    public Sent compose(NewMessage request) {
        MessageType.parse(request.type()).filter(t -> !t.composedByHand())
                .ifPresent(t -> access.require(MessageAction.COMPOSE_RECORD_TYPE, Target.NONE));
        return deliver(request, true);
    }

    private Sent deliver(NewMessage request, boolean byHand) {
        CurrentUser me = users.current();
        String key = request.idempotencyKey();
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new InvalidInputException("idempotencyKey",
                    "Ange en idempotensnyckel: 8–100 tecken (bokstäver a–z, siffror, punkt, bindestreck, understreck, kolon).");
        }
        Optional<Sent> earlier = earlier(me, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        MessageType type = request.replyTo() != null && request.type() == null ? MessageType.FREE_TEXT
                : MessageType.parse(request.type()).orElseThrow(() -> new InvalidInputException("type",
                        "Välj meddelandetyp: " + String.join(", ", java.util.Arrays.stream(MessageType.values()).map(Enum::name).toList()) + "."));
        MessageAccess.Readable original = request.replyTo() == null ? null : messageAccess.require(MessageAction.REPLY, request.replyTo());

        String caseNumber = request.caseNumber() != null && !request.caseNumber().isBlank() ? request.caseNumber()
                : original != null ? original.caseNumber() : null;
        if (type.caseRequired() && caseNumber == null) {
            throw new InvalidInputException("caseNumber", "Ange ärendenumret: meddelandetypen " + type.title() + " gäller en person.");
        }
        if (type.routedOnly() && (!request.recipientUsers().isEmpty() || !request.recipientGroups().isEmpty())) {
            throw new InvalidInputException("recipientUsers", ROUTED_ONLY.formatted(type.title()));
        }
        CaseFacts facts = null;
        if (caseNumber != null) {
            CaseNumber number = CaseNumber.parse(caseNumber);
            facts = cases.find(number).orElseThrow(() -> new InvalidInputException("caseNumber", "Det finns inget ärende med det numret."));
        }
        // Today's protection, as the access catalogue decides on it (PROT-25).
        boolean locked = facts != null && facts.locked();
        Target target = facts == null ? Target.NONE : Target.ofCase(facts);
        String typedSubject = request.subject();
        if ((typedSubject == null || typedSubject.isBlank()) && original != null && !locked) {
            typedSubject = original.subject().startsWith("Sv: ") ? original.subject() : "Sv: " + original.subject();
            typedSubject = typedSubject.length() > SubjectGuard.MAX_LENGTH ? typedSubject.substring(0, SubjectGuard.MAX_LENGTH) : typedSubject;
        }
        String subject = SubjectGuard.subject(typedSubject, facts == null ? null : facts.number(), locked);
        String body = type == MessageType.FREE_TEXT ? FreeText.requiredLines("body", "Meddelandetexten", request.body(), MAX_BODY)
                : Optional.ofNullable(FreeText.optionalLines("body", "Meddelandetexten", request.body(), MAX_BODY)).orElse("");
        if (PersonalIdentityNumber.appearsIn(body)) {
            throw new InvalidInputException("body", NO_PERSONNUMMER_IN_BODY);
        }
        Map<String, String> fields = StructuredFields.validate(type, request.fields());
        List<AttachmentGuard.Checked> files = attachments.check(request.attachments());
        if (type.attachmentRequired() && files.isEmpty()) {
            throw new InvalidInputException("attachments", ATTACHMENT_REQUIRED.formatted(type.title()));
        }
        Recipients recipients = recipients(me, type, request, original);
        if (locked && byHand) {
            // A record's fields name who they must (a relative contact): withheld from masked readers when read, not warned of.
            nameCheck(request, target, fields, body);
        }

        // Time-ordered, so that messages of the same instant still list newest first and the key index grows at its end.
        UUID id = TimeOrderedIds.next();
        UUID threadId = original != null ? original.threadId() : id;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (!insert(id, threadId, original, me, key, type, subject, body, facts, now)) {
            // Another request with the same key committed first: that one is the message.
            return earlier(me, key).orElseThrow();
        }
        store(id, fields, recipients, now);
        attachments.store(id, files);
        access.require(MessageAction.SEND, target);
        if (facts == null) {
            audit.record(users.actor(), new AuditEntry(null, null, AuditAction.CREATE, MessageAction.SEND.name(), AuditOutcome.ALLOWED));
        }
        events.publishEvent(new MessageSent(id, List.copyOf(recipients.deliveries().keySet())));
        return new Sent(id, threadId, true);
    }

    /**
     * MSG-8 without an oracle (fault 1, PROT-24): the text is compared with the protected person's
     * and her relatives' names only for a sender who may see her in full, who knows them; for that
     * sender a match is a warning to confirm, recorded (it outlives the refused request). Anyone
     * else gets the same answer whether a guessed name is right or not — the message is sent — and
     * what it says is shown only to readers who may see her in full, decided when it is read.
     */
    private void nameCheck(NewMessage request, Target target, Map<String, String> fields, String body) {
        if (request.confirmBodyWarning() || !access.has(MessageAction.READ_IN_FULL, target)) {
            return;
        }
        List<String> texts = new ArrayList<>(fields.values());
        texts.add(body);
        if (protectedNames.appearIn(target.personId(), texts)) {
            audit.record(users.actor(), new AuditEntry(target.personId(), target.caseId(), AuditAction.CREATE, MessageAction.SEND.name(),
                    AuditOutcome.DENIED));
            throw new WarningNotConfirmed("body", NAME_IN_TEXT);
        }
    }

    private Optional<Sent> earlier(CurrentUser me, String key) {
        return jdbc.sql("select id, thread_id from message where sender_id = ? and idempotency_key = ?").params(me.id(), key)
                .query((rs, n) -> new Sent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), false)).optional();
    }

    /**
     * Who the message reaches: the users addressed, and the members (now) of the groups addressed
     * and of the groups the type is routed to; a reply without recipients goes back to the sender
     * of the original. Each user once, noted with the group it came through; never the sender.
     */
    private record Recipients(Set<UUID> users, Set<UUID> groups, Map<UUID, UUID> deliveries) {}

    private Recipients recipients(CurrentUser me, MessageType type, NewMessage request, MessageAccess.Readable original) {
        Set<UUID> addressedUsers = new LinkedHashSet<>();
        if (!request.recipientUsers().isEmpty()) {
            Set<String> names = new HashSet<>(request.recipientUsers());
            Map<String, UUID> found = staff.enabledByUsername(names);
            if (found.size() != names.size()) {
                throw new InvalidInputException("recipientUsers", "En eller flera mottagare finns inte.");
            }
            // In the order they were named, so that deliveries are made in a stable order.
            request.recipientUsers().forEach(name -> addressedUsers.add(found.get(name)));
        }
        Set<UUID> groups = new LinkedHashSet<>(jdbc.sql("select group_id from message_routing_rule where message_type = ? order by group_id")
                .param(type.name()).query(UUID.class).list());
        if (!request.recipientGroups().isEmpty()) {
            Set<UUID> asked = new HashSet<>(request.recipientGroups());
            long found = jdbc.sql("select count(*) from message_group where id in (:ids)").param("ids", asked).query(Long.class).single();
            if (found != asked.size()) {
                throw new InvalidInputException("recipientGroups", "En eller flera meddelandegrupper finns inte.");
            }
            groups.addAll(asked);
        }
        if (addressedUsers.isEmpty() && request.recipientGroups().isEmpty() && original != null && !original.senderId().equals(me.id())) {
            addressedUsers.add(original.senderId());
        }
        Map<UUID, UUID> deliveries = new LinkedHashMap<>();
        if (!groups.isEmpty()) {
            List<Map.Entry<UUID, UUID>> members = jdbc.sql("""
                            select m.group_id, m.user_id from message_group_member m
                            where m.group_id in (:groups) order by m.group_id, m.user_id
                            """)
                    .param("groups", groups)
                    .query((rs, n) -> Map.entry(rs.getObject(2, UUID.class), rs.getObject(1, UUID.class))).list();
            // Only members enabled now: the access module answers that, in one query for all of them.
            Set<UUID> enabled = staff.enabledAmong(members.stream().map(Map.Entry::getKey).toList());
            members.stream().filter(e -> enabled.contains(e.getKey())).forEach(e -> deliveries.putIfAbsent(e.getKey(), e.getValue()));
        }
        addressedUsers.forEach(user -> deliveries.putIfAbsent(user, null));
        deliveries.remove(me.id());
        if (deliveries.isEmpty()) {
            throw new InvalidInputException("recipientUsers", "Ange minst en mottagare eller meddelandegrupp: annars når meddelandet ingen.");
        }
        return new Recipients(addressedUsers, groups, deliveries);
    }

    private boolean insert(UUID id, UUID threadId, MessageAccess.Readable original, CurrentUser me, String key, MessageType type, String subject,
                           String body, CaseFacts facts, OffsetDateTime now) {
        try {
            return jdbc.sql("""
                            insert into message (id, thread_id, reply_to, sender_id, idempotency_key, type, subject, body, case_id, case_number,
                                                 person_id, sent_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict do nothing
                            """)
                    .params(id, threadId, original == null ? null : original.id(), me.id(), key, type.name(), subject, body,
                            facts == null ? null : facts.caseId(), facts == null ? null : facts.number().value(),
                            facts == null ? null : facts.personId(), now)
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void store(UUID id, Map<String, String> fields, Recipients recipients, OffsetDateTime now) {
        List<Object[]> fieldRows = new ArrayList<>();
        fields.forEach((name, value) -> fieldRows.add(new Object[] {id, name, value}));
        insertAll("insert into message_field (message_id, name, field_value) values (?, ?, ?)", fieldRows);
        List<Object[]> addressees = new ArrayList<>();
        recipients.users().forEach(user -> addressees.add(new Object[] {id, user, null}));
        recipients.groups().forEach(group -> addressees.add(new Object[] {id, null, group}));
        insertAll("insert into message_addressee (message_id, user_id, group_id) values (?, ?, ?)", addressees);
        List<Object[]> deliveries = new ArrayList<>();
        recipients.deliveries().forEach((user, via) -> deliveries.add(new Object[] {id, user, via, now}));
        insertAll("insert into message_delivery (message_id, user_id, via_group_id, sent_at) values (?, ?, ?, ?)", deliveries);
    }

    /** One batch per table, whatever the number of recipients. */
    private void insertAll(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batch.batchUpdate(sql, rows, rows.size(), (ps, row) -> {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
        });
    }
}
