package fr.opaline.server.operator;

import fr.opaline.platform.http.HttpError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The operator credential of a running practice server (decision 0310): a random token made at
 * each start and written, with the loopback address of the API and its certificate's fingerprint,
 * to a file of mode 0600 beside the vault key ({@code secrets/operator.token}), removed at stop.
 * Whoever can read that file on the server's machine may call the operator area; the dispatcher
 * admits such a call only from a loopback address ({@link #admit}).
 */
public final class OperatorCredential {

    /** The file's name beside the vault key. */
    public static final String FILE_NAME = "operator.token";

    private final byte[] token;

    private OperatorCredential(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** A new random credential (256 bits). */
    public static OperatorCredential generate() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return new OperatorCredential(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }

    /**
     * Lets a call through or refuses it: 403 from anything but a loopback address (whatever it
     * presents), 401 without this credential.
     */
    public void admit(InetAddress from, String presented) {
        if (from == null || !from.isLoopbackAddress()) {
            throw new HttpError(403, "operator_not_local", "Les commandes d'exploitation ne sont acceptées que depuis "
                    + "la machine du serveur du cabinet (adresse de bouclage).");
        }
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.US_ASCII))) {
            throw new HttpError(401, "operator_credential", "Jeton d'opérateur absent ou invalide : lancez la commande "
                    + "sur la machine du serveur, avec un compte qui peut lire " + FILE_NAME + ".");
        }
    }

    /** What a command on the same machine needs to call the running server. */
    public record Published(URI uri, String fingerprint, String token) {
        @Override
        public String toString() {
            return "Published[" + uri + ", jeton masqué]";
        }
    }

    /** Writes the file (mode 0600, replaced whole); the token leaves the process only there. */
    public void publish(Path file, URI loopbackUri, String fingerprint) {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        String content = "# Jeton d'opérateur du serveur du cabinet en cours d'exécution (renouvelé à chaque démarrage).\n"
                + "uri=" + loopbackUri + "\nfingerprint=" + fingerprint + "\ntoken="
                + new String(token, StandardCharsets.US_ASCII) + "\n";
        try {
            Files.createDirectories(absolute.getParent());
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Jeton d'opérateur : écriture impossible de " + file + " (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing useful left in it once moved
            }
        }
    }

    /** Removes the file at stop, if it still holds this credential (a newer server may have replaced it). */
    public void withdraw(Path file) {
        try {
            Optional<Published> published = read(file);
            if (published.isPresent() && MessageDigest.isEqual(token,
                    published.get().token().getBytes(StandardCharsets.US_ASCII))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // a stale file only makes the next command try the server first
        }
    }

    /** The file a running server published; empty when there is none. */
    public static Optional<Published> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        values.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        String uri = values.getProperty("uri");
        String fingerprint = values.getProperty("fingerprint");
        String token = values.getProperty("token");
        if (uri == null || fingerprint == null || token == null) {
            throw new IOException(file + " : jeton d'opérateur incomplet");
        }
        return Optional.of(new Published(URI.create(uri), fingerprint, token));
    }
}
