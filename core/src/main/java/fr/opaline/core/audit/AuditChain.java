package fr.opaline.core.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The hash of an audit event over the previous hash and every field, each field length-prefixed
 * so that no two different events encode alike: HMAC-SHA256 with the {@link AuditKey} from the
 * event where the keyed chain starts, plain SHA-256 before it (events written before the upgrade).
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** With {@code key} null, the plain SHA-256 of the events written before the keyed chain. */
    static String hash(AuditKey key, String prevHash, long seq, Instant occurredAt, UUID actorId, String actorLogin,
                       String action, UUID patientId, String objectType, String objectId, String detail) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, prevHash);
        field(canonical, Long.toString(seq));
        field(canonical, occurredAt.toString());
        field(canonical, actorId == null ? null : actorId.toString());
        field(canonical, actorLogin);
        field(canonical, action);
        field(canonical, patientId == null ? null : patientId.toString());
        field(canonical, objectType);
        field(canonical, objectId);
        field(canonical, detail);
        byte[] message = canonical.toString().getBytes(StandardCharsets.UTF_8);
        return key == null ? AuditKey.sha256Hex(message) : key.hmacHex(message);
    }

    static String hash(AuditKey key, AuditEvent e) {
        return hash(key, e.prevHash(), e.seq(), e.occurredAt(), e.actorId(), e.actorLogin(), e.action(),
                e.patientId(), e.objectType(), e.objectId(), e.detail());
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('|');
    }
}
