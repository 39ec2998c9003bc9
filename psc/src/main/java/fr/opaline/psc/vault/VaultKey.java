package fr.opaline.psc.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key of the token vault. It lives in a file readable by the practice server's user
 * only ({@code psc.vault.keyFile}), never in the database: a workstation that reads the database
 * sees ciphertext. Created on first start; losing it only ends the open PSC sessions.
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
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] raw = new byte[32];
                new SecureRandom().nextBytes(raw);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return loadOrCreate(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII,
                        StandardOpenOption.TRUNCATE_EXISTING);
                return new VaultKey(raw);
            }
            return new VaultKey(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Clé du coffre à jetons illisible : " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Clé du coffre à jetons invalide dans " + file + " : " + e.getMessage(), e);
        }
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
