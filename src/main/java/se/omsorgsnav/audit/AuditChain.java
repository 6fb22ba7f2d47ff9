package se.omsorgsnav.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of the chain: an event's canonical bytes, the link hash, the checkpoint
 * signature. Sealer and verification share it so that they cannot disagree.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';

    private final SecretKeySpec checkpointKey;

    AuditChain(String checkpointKey) {
        this.checkpointKey = new SecretKeySpec(checkpointKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The columns of one audit_event row as read back from the database. */
    record SealedFields(UUID id, OffsetDateTime occurredAt, UUID actorUserId, String actorUsername, String actorRole,
                        UUID actorUnitId, UUID personId, UUID caseId, String action, String purpose, String outcome,
                        String clientAddress) {

        static final String COLUMNS = "e.id, e.occurred_at, e.actor_user_id, e.actor_username, e.actor_role, e.actor_unit_id, "
                + "e.person_id, e.case_id, e.action, e.purpose, e.outcome, e.client_address";

        static SealedFields read(ResultSet rs) throws SQLException {
            return new SealedFields(rs.getObject("id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class),
                    rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"), rs.getString("actor_role"),
                    rs.getObject("actor_unit_id", UUID.class), rs.getObject("person_id", UUID.class),
                    rs.getObject("case_id", UUID.class), rs.getString("action"), rs.getString("purpose"),
                    rs.getString("outcome"), rs.getString("client_address"));
        }

        String canonical() {
            StringBuilder sb = new StringBuilder(256);
            // The instant, not the offset: the two databases may hand the same moment back in different zones.
            append(sb, id).append(SEPARATOR);
            append(sb, occurredAt == null ? null : occurredAt.toInstant().truncatedTo(ChronoUnit.MICROS)).append(SEPARATOR);
            append(sb, actorUserId).append(SEPARATOR).append(actorUsername).append(SEPARATOR).append(actorRole).append(SEPARATOR);
            append(sb, actorUnitId).append(SEPARATOR);
            append(sb, personId).append(SEPARATOR);
            append(sb, caseId).append(SEPARATOR).append(action).append(SEPARATOR).append(purpose).append(SEPARATOR)
                    .append(outcome).append(SEPARATOR);
            append(sb, clientAddress);
            return sb.toString();
        }

        private static StringBuilder append(StringBuilder sb, Object value) {
            return sb.append(Objects.toString(value, ""));
        }
    }

    String link(String previousHash, SealedFields event) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(event.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(long lastSeq, String lastHash) {
        return hmac(lastSeq + ":" + lastHash);
    }

    /**
     * The retention anchor (AUD-6): "links up to anchorSeq were removed by retention run {@code run};
     * the chain went through anchorHash there and keeps keptLinks of them, held by open reviews".
     * Its own prefix, so that a checkpoint's signature can never pass for an anchor's (else a
     * database owner could cut the chain at any checkpoint and call it retention).
     */
    String signAnchor(long run, long anchorSeq, String anchorHash, long keptLinks, OffsetDateTime cutoff) {
        return hmac("anchor:" + run + ":" + anchorSeq + ":" + anchorHash + ":" + keptLinks + ":"
                + cutoff.toInstant().truncatedTo(ChronoUnit.MICROS));
    }

    /** A link kept below the anchor because an open review holds its event: its hash and the hash before it. */
    String signKept(long seq, String previousHash, String hash) {
        return hmac("kept:" + seq + ":" + previousHash + ":" + hash);
    }

    boolean matches(String expectedSignature, String signature) {
        return signature != null && MessageDigest.isEqual(expectedSignature.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(checkpointKey);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean signatureMatches(long lastSeq, String lastHash, String signature) {
        return MessageDigest.isEqual(sign(lastSeq, lastHash).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
