package fr.opaline.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A 256-bit secret kept in a file of its own, readable by the practice server's user only (mode
 * 600 where the file system has modes), never in the database: the PSC token vault key, which
 * also seals the TOTP seeds, and the audit chain key. Created once, on first start.
 */
public final class SecretKeyFile {

    public static final int KEY_BYTES = 32;

    private SecretKeyFile() {
    }

    /** Reads the key file, creating it with a new random key when absent. */
    public static byte[] loadOrCreate(Path file, String what) {
        Optional<byte[]> existing = load(file, what);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] raw = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(raw);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            return raw;
        } catch (FileAlreadyExistsException e) {
            return loadOrCreate(file, what); // another process created it first: use theirs
        } catch (IOException e) {
            throw new UncheckedIOException(what + " : création impossible de " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the key file; empty when it does not exist. */
    public static Optional<byte[]> load(Path file, String what) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (raw.length != KEY_BYTES) {
                throw new IllegalArgumentException("la clé doit faire 256 bits");
            }
            return Optional.of(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(what + " illisible : " + file + " (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " invalide dans " + file + " : " + e.getMessage(), e);
        }
    }
}
