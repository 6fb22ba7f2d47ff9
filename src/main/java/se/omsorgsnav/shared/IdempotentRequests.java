package se.omsorgsnav.shared;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A creating request done once per idempotency key (issue 15: a client that lost the answer to a
 * crash or a timeout sends the same request again, and must get the first result, not a second
 * case, grant or vacancy). The service that creates calls {@link #once} inside its own
 * transaction: the key is claimed there, before the work, and the result is written there, after
 * it, so the key and the business change commit together or not at all.
 * <p>
 * One table for every kind of request ({@code idempotent_request}) instead of a key column on each
 * business table as {@code message} has: the rule is the same for all of them, and so is its
 * code. Two requests racing with the same key meet at the table's primary key: the second insert
 * waits for the first transaction and then finds its row, whose result it answers with; if the
 * first rolled back, the second claims the key and does the work itself.
 * <p>
 * The same key with a different request (another operation or other values) is refused with 409:
 * answering it with the first result would tell the client that something was done which was not.
 * Keys are per user: another user's key is another request.
 */
@Component
public class IdempotentRequests {

    public static final String FIELD = "idempotencyKey";
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    static final String KEY_REQUIRED = "Ange en idempotensnyckel: 8–100 tecken (bokstäver a–z, siffror, punkt, bindestreck, understreck, kolon).";
    static final String KEY_REUSED = "Idempotensnyckeln är redan använd för ett annat anrop. Skicka samma uppgifter igen, eller använd en ny "
            + "nyckel för en ny begäran.";
    static final String IN_PROGRESS = "Ett anrop med samma idempotensnyckel pågår. Försök igen om en stund.";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.time.Duration keep;

    IdempotentRequests(JdbcClient jdbc, Clock clock,
                       @org.springframework.beans.factory.annotation.Value("${omsorgsnav.idempotency.keep:30d}") java.time.Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    /**
     * Keys older than {@code omsorgsnav.idempotency.keep} (30 days) are forgotten: a client
     * retries within minutes of losing an answer, and a key kept for ever would grow the table
     * with every creating call. A request sent again after that is a new request. Every node may
     * run this at once: deleting the same old rows twice is the same as once, so no lock.
     */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${omsorgsnav.idempotency.forget-cron:0 20 3 * * *}")
    @Transactional
    public int forgetOld() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(keep);
        // One statement on the created_at index (V67).
        return jdbc.sql("delete from idempotent_request where created_at < ?").param(cutoff).update();
    }

    /** What each creating API operation says of its key (in its OpenAPI description). */
    public static final String API_DESCRIPTION = "idempotencyKey krävs (8–100 tecken: a–z, A–Z, 0–9, punkt, bindestreck, understreck, "
            + "kolon), annars 400 och ingenting sparas. Samma nyckel och samma uppgifter igen från samma användare ger 200 med samma svar "
            + "och ingenting görs en gång till; samma nyckel med andra uppgifter ger 409.";

    /** The result, and whether this request made it ({@code false}: the earlier request with the same key did). */
    public record Outcome<T>(T result, boolean created) {

        /** The API's answer: 201 with the location for the request that created, 200 with the same body for a repeat. */
        public <B> ResponseEntity<B> answer(URI location, B body) {
            return created ? ResponseEntity.created(location).body(body) : ResponseEntity.ok(body);
        }
    }

    /** The key as a client sent it, checked: 400 with the Swedish message for a missing or malformed one. */
    public static String requireKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException(FIELD, KEY_REQUIRED);
        }
        return key;
    }

    /** {@link #once(UUID, String, String, Object, Supplier, Function, Function)} for a request that creates a row with a UUID. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome<UUID> once(UUID userId, String key, String operation, Object request, Supplier<UUID> work) {
        return once(userId, key, operation, request, work, UUID::toString, UUID::fromString);
    }

    /**
     * Does {@code work} unless this user already did the same request with this key, in the
     * caller's transaction. {@code request} is what the service was asked (without the key); it is
     * compared, as a hash, with the first request's. {@code asText} and {@code fromText} store and
     * read back the result (an id, a case number).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Outcome<T> once(UUID userId, String key, String operation, Object request, Supplier<T> work, Function<T, String> asText,
                               Function<String, T> fromText) {
        requireKey(key);
        if (userId == null) {
            throw new IllegalStateException("no user");
        }
        String hash = hash(operation, request);
        if (!claim(userId, key, operation, hash)) {
            Claimed earlier = earlier(userId, key).orElseThrow(() -> new ConflictException(IN_PROGRESS));
            if (!earlier.operation().equals(operation) || !earlier.requestHash().equals(hash)) {
                throw new ConflictException(KEY_REUSED);
            }
            if (earlier.result() == null) {
                throw new ConflictException(IN_PROGRESS);
            }
            return new Outcome<>(fromText.apply(earlier.result()), false);
        }
        T result = work.get();
        jdbc.sql("update idempotent_request set result = ? where user_id = ? and idempotency_key = ?")
                .params(asText.apply(result), userId, key).update();
        return new Outcome<>(result, true);
    }

    private record Claimed(String operation, String requestHash, String result) {}

    /**
     * True if this transaction now holds the key. "on conflict do nothing" waits (on PostgreSQL) for
     * a racing transaction with the same key and then inserts nothing, without aborting this one;
     * H2 may instead report the duplicate, which means the same.
     */
    private boolean claim(UUID userId, String key, String operation, String hash) {
        try {
            return jdbc.sql("""
                            insert into idempotent_request (user_id, idempotency_key, operation, request_hash, created_at)
                            values (?, ?, ?, ?, ?)
                            on conflict do nothing
                            """)
                    .params(userId, key, operation, hash,
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private Optional<Claimed> earlier(UUID userId, String key) {
        return jdbc.sql("select operation, request_hash, result from idempotent_request where user_id = ? and idempotency_key = ?")
                .params(userId, key)
                .query((rs, n) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** SHA-256 of the operation and the request's values, rendered so that equal requests give equal text. */
    static String hash(String operation, Object request) {
        StringBuilder text = new StringBuilder(operation).append('\n');
        render(request, text);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records component by component, since a value's {@code toString()} may hide what tells two
     * requests apart (a personnummer shows only its birth date, AUD-5); lists in order, sets and maps
     * sorted. Every other value by {@code toString()}: strings, numbers, dates, UUIDs, enums.
     */
    private static void render(Object value, StringBuilder text) {
        if (value == null) {
            text.append("\u0000");
        } else if (value instanceof PersonalIdentityNumber number) {
            text.append(number.canonical());
        } else if (value instanceof CaseNumber number) {
            text.append(number.value());
        } else if (value.getClass().isRecord()) {
            text.append(value.getClass().getName()).append('(');
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                text.append(component.getName()).append('=');
                render(read(component, value), text);
                text.append(';');
            }
            text.append(')');
        } else if (value instanceof java.util.Set<?> items) {
            // A set's order is not the client's: sorted, so that equal sets give equal text.
            text.append('{').append(String.join(",", items.stream().map(IdempotentRequests::rendered).sorted().toList())).append('}');
        } else if (value instanceof Collection<?> items) {
            text.append('[');
            items.forEach(item -> {
                render(item, text);
                text.append(',');
            });
            text.append(']');
        } else if (value instanceof Map<?, ?> map) {
            text.append('{').append(String.join(",", map.entrySet().stream()
                    .map(e -> rendered(e.getKey()) + "=" + rendered(e.getValue())).sorted().toList())).append('}');
        } else if (value instanceof byte[] bytes) {
            text.append(HexFormat.of().formatHex(bytes));
        } else {
            text.append(value.getClass().getSimpleName()).append(':').append(value);
        }
    }

    private static String rendered(Object value) {
        StringBuilder text = new StringBuilder();
        render(value, text);
        return text.toString();
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
