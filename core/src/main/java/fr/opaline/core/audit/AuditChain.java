package fr.opaline.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash of an audit event: SHA-256 over the previous hash and every field, each field
 * length-prefixed so that no two different events encode alike.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String prevHash, long seq, Instant occurredAt, UUID actorId, String actorLogin,
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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(AuditEvent e) {
        return hash(e.prevHash(), e.seq(), e.occurredAt(), e.actorId(), e.actorLogin(), e.action(),
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
