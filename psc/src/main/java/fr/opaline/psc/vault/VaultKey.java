package fr.opaline.psc.vault;

import fr.opaline.core.secrets.SecretKeyFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key of the token vault. It lives in a file readable by the practice server's user
 * only ({@code psc.vault.keyFile}), never in the database: a workstation that reads the database
 * sees ciphertext. Created on first start. It also seals the TOTP seeds of local accounts: losing
 * it ends the open PSC sessions and makes every enrolled second factor to be enrolled again.
 */
public final class VaultKey {

    private final SecretKey key;
    private final String id;

    private VaultKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("la clé du coffre doit faire 256 bits");
        }
        this.key = new SecretKeySpec(raw, "AES");
        try {
            this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static VaultKey of(byte[] raw) {
        return new VaultKey(raw.clone());
    }

    public static VaultKey random() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new VaultKey(raw);
    }

    /** Reads the key file, creating it (mode 600 where the file system allows) when absent. */
    public static VaultKey loadOrCreate(Path file) {
        return new VaultKey(SecretKeyFile.loadOrCreate(file, "Clé du coffre à jetons"));
    }

    SecretKey secretKey() {
        return key;
    }

    /** A short fingerprint stored with each ciphertext, to recognise a key change. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "VaultKey[" + id + "]";
    }
}
