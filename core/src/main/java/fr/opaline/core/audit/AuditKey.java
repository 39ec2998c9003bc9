package fr.opaline.core.audit;

import fr.opaline.core.secrets.SecretKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that keys the audit chain (HMAC-SHA256). It lives in a file beside the PSC vault key
 * ({@code <home>/secrets/audit-chain.key}, mode 600), never in the database: someone who can
 * write the database can no longer recompute the hashes of an event they changed. The database
 * keeps only its fingerprint ({@link #id()}), to refuse a process holding another key.
 */
public final class AuditKey {

    static final String WHAT = "Clé de la chaîne d'audit";

    private final SecretKeySpec key;
    private final String id;

    private AuditKey(byte[] raw) {
        if (raw.length != SecretKeyFile.KEY_BYTES) {
            throw new IllegalArgumentException("la clé de la chaîne d'audit doit faire 256 bits");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        try {
            // The fingerprint is itself keyed with a fixed label, so it reveals nothing of the key.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            this.id = HexFormat.of().formatHex(mac.doFinal("opaline-audit-key-id".getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuditKey loadOrCreate(Path file) {
        return new AuditKey(SecretKeyFile.loadOrCreate(file, WHAT));
    }

    public static Optional<AuditKey> load(Path file) {
        return SecretKeyFile.load(file, WHAT).map(AuditKey::new);
    }

    /** A key that exists only in memory (tests). */
    public static AuditKey random() {
        byte[] raw = new byte[SecretKeyFile.KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        return new AuditKey(raw);
    }

    /** Short public fingerprint stored in the database's chain head. */
    public String id() {
        return id;
    }

    String hmacHex(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] message) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[" + id + "]";
    }
}
