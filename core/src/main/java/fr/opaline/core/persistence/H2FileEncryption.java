package fr.opaline.core.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.tools.ChangeFileEncryption;

/**
 * Encrypts (AES) or decrypts the file of the embedded H2 database in place. The database must
 * be closed in every process: the server and the workstations are stopped first. The file is
 * copied aside before the change and the copy deleted once the result opens, so a failure
 * leaves the database as it was.
 */
public final class H2FileEncryption {

    private static final String CIPHER = "AES";
    private final Path directory;
    private final String name;

    private H2FileEncryption(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /** For the file database of a {@code jdbc:h2:file:} URL. */
    public static H2FileEncryption of(DatabaseSettings settings) {
        String url = settings.jdbcUrl();
        if (!url.startsWith("jdbc:h2:file:")) {
            throw new IllegalArgumentException("Le chiffrement de fichier ne concerne que la base H2 embarquée (base"
                    + " configurée : " + url.replaceAll(";.*", "") + ")");
        }
        Path path = Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).toAbsolutePath();
        return new H2FileEncryption(path.getParent(), path.getFileName().toString());
    }

    public Path file() {
        return directory.resolve(name + ".mv.db");
    }

    /** Encrypts the plain file with {@code filePassword}. */
    public void encrypt(char[] filePassword) {
        change(null, filePassword);
    }

    /** Decrypts the file encrypted with {@code filePassword}. */
    public void decrypt(char[] filePassword) {
        change(filePassword, null);
    }

    private void change(char[] from, char[] to) {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Base introuvable : " + file);
        }
        if (Files.exists(directory.resolve(name + ".lock.db"))) {
            throw new IllegalStateException("La base est ouverte par un autre processus (" + name + ".lock.db présent) :"
                    + " arrêtez le serveur du cabinet et les postes, puis recommencez");
        }
        Path copy = directory.resolve(name + ".mv.db.avant-" + (to != null ? "chiffrement" : "dechiffrement"));
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            ChangeFileEncryption.execute(directory.toString(), name, CIPHER, from, to, true);
        } catch (SQLException e) {
            restore(copy, file);
            String message = String.valueOf(e.getMessage());
            if (from != null && message.toLowerCase(Locale.ROOT).contains("password")) {
                throw new IllegalArgumentException("Mot de passe de chiffrement incorrect (db.filePassword)", e);
            }
            throw new IllegalStateException("Changement du chiffrement impossible : " + message, e);
        } catch (IOException e) {
            throw new IllegalStateException("Copie de sécurité impossible : " + e.getMessage(), e);
        }
    }

    /** Deletes the copy taken before the change, once the new file has been opened successfully. */
    public void discardCopy() {
        for (String suffix : new String[] {".mv.db.avant-chiffrement", ".mv.db.avant-dechiffrement"}) {
            try {
                Files.deleteIfExists(directory.resolve(name + suffix));
            } catch (IOException e) {
                throw new IllegalStateException("Suppression de la copie impossible : " + e.getMessage(), e);
            }
        }
    }

    /** Puts the copy back (the change failed or its result did not open). */
    public void rollBack() {
        for (String suffix : new String[] {".mv.db.avant-chiffrement", ".mv.db.avant-dechiffrement"}) {
            Path copy = directory.resolve(name + suffix);
            if (Files.exists(copy)) {
                restore(copy, file());
            }
        }
    }

    private static void restore(Path copy, Path file) {
        try {
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Le fichier d'origine est resté dans " + copy + " : " + e.getMessage(), e);
        }
    }
}
