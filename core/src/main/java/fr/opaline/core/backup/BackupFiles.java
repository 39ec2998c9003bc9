package fr.opaline.core.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scheduled backups of one folder: named {@code opaline-auto-yyyyMMdd-HHmmss.zip} (local
 * time), so that retention only ever deletes files it made, never a manual backup or a safety
 * copy taken before a restore.
 */
public final class BackupFiles {

    private static final String PREFIX = "opaline-auto-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{8}-\\d{6})\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final ZoneId zone;

    public BackupFiles(Path directory, ZoneId zone) {
        this.directory = directory;
        this.zone = zone;
    }

    public Path directory() {
        return directory;
    }

    /** The file for a backup started at {@code when}. */
    public Path fileFor(Instant when) {
        return directory.resolve(PREFIX + STAMP.format(LocalDateTime.ofInstant(when, zone)) + ".zip");
    }

    /** Scheduled backups, newest first. */
    public List<Path> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the newest scheduled backup was taken, from its name. */
    public Optional<Instant> newest() {
        return list().stream().findFirst().flatMap(this::takenAt);
    }

    Optional<Instant> takenAt(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Deletes the scheduled backups beyond the {@code keep} newest, and unfinished files a
     * crash left behind. Returns what was deleted.
     */
    public List<Path> prune(int keep) {
        List<Path> deleted = new ArrayList<>();
        List<Path> backups = list();
        try {
            for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
                Files.deleteIfExists(old);
                deleted.add(old);
            }
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path part : files.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                            && f.getFileName().toString().endsWith(".zip.part")).toList()) {
                        Files.deleteIfExists(part);
                        deleted.add(part);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }
}
