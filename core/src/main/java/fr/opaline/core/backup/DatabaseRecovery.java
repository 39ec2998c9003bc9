package fr.opaline.core.backup;

import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.persistence.DatabaseUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Opens the practice's database for a process that runs the practice (server, desktop, demo),
 * never on an empty database by mistake: when the embedded H2 file is unreadable, or gone while
 * backups exist, it stops with a French message that names the newest backup and the command
 * that restores it, instead of letting H2 create a new, empty file.
 */
public final class DatabaseRecovery {

    private DatabaseRecovery() {
    }

    public static Database openAndMigrate(DatabaseSettings settings, Path backupDirectory) {
        Path file = settings.h2File();
        if (file != null && !Files.exists(file)) {
            Optional<Path> newest = newestBackup(backupDirectory);
            if (newest.isPresent()) {
                throw new DatabaseUnavailableException(DatabaseUnavailableException.Reason.MISSING,
                        "La base H2 " + file + " est absente alors que des sauvegardes existent : Opaline ne démarre"
                                + " pas sur une base vide. " + advice(newest.get()), null);
            }
        }
        try {
            return Database.openAndMigrate(settings);
        } catch (DatabaseUnavailableException e) {
            if (e.reason() != DatabaseUnavailableException.Reason.UNREADABLE) {
                throw e;
            }
            String then = newestBackup(backupDirectory).map(DatabaseRecovery::advice)
                    .orElse("Aucune sauvegarde dans " + backupDirectory + " : restaurez une copie du fichier ou une"
                            + " sauvegarde gardée ailleurs (opaline db restore --in <fichier.zip>).");
            throw new DatabaseUnavailableException(e.reason(), e.getMessage() + " Opaline ne démarre pas sur une base"
                    + " vide. Mettez le fichier illisible de côté (renommez-le), puis " + lower(then), e);
        }
    }

    private static String lower(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String advice(Path backup) {
        return "Restaurez la sauvegarde la plus récente, " + backup + " : opaline db restore --in " + backup;
    }

    /** The most recent backup archive of the folder, scheduled, manual or safety copy alike. */
    public static Optional<Path> newestBackup(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip") && Files.isRegularFile(f))
                    .max(Comparator.comparing(DatabaseRecovery::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
