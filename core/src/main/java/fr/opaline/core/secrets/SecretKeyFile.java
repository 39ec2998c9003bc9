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
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        try {
            Files.createDirectories(absolute.getParent());
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            // Published whole or not at all: a process starting at the same time reads a complete key
            // (a link fails when the name exists, where a rename would replace the other's key).
            try {
                Files.createLink(absolute, temporary);
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, absolute); // no hard links here: fails too when the name exists
            }
            return raw;
        } catch (FileAlreadyExistsException e) {
            return loadOrCreate(file, what); // another process created it first: use theirs
        } catch (IOException e) {
            throw new UncheckedIOException(what + " : création impossible de " + file + " (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // a leftover temporary file holds a key nobody uses
            }
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
