package fr.opaline.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the audit chain is anchored outside the database: an append-only text file beside the
 * audit key ({@code <home>/secrets/audit-anchors.log}). One line per fact, never rewritten:
 * <ul>
 *   <li>{@code debut seq=N cle=ID}: the keyed chain starts at event N with the key of that fingerprint;</li>
 *   <li>{@code ancre seq=N empreinte=H}: at that time event N was the head and had hash H (daily, and
 *       at each backup);</li>
 *   <li>{@code restauration seq=N empreinte=H}: the database was restored from a backup; the lines
 *       before it describe a chain that no longer exists.</li>
 * </ul>
 * Someone who edits the database, deletes the last events or removes the key from the chain head
 * cannot change this file, so {@link AuditTrail#verify()} finds the difference.
 */
public final class AuditAnchors {

    public enum Kind { START, HEAD, RESTORE }

    /** One line of the file. {@code keyId} for a start, {@code hash} for a head or a restore. */
    public record Anchor(Instant at, Kind kind, long seq, String keyId, String hash) {
    }

    private static final Map<Kind, String> WORDS = Map.of(Kind.START, "debut", Kind.HEAD, "ancre", Kind.RESTORE, "restauration");

    private final Path file;

    public AuditAnchors(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    void start(Instant at, long seq, String keyId) {
        append(at + " debut seq=" + seq + " cle=" + keyId);
    }

    public void head(Instant at, long seq, String hash) {
        append(at + " ancre seq=" + seq + " empreinte=" + hash);
    }

    public void restored(Instant at, long seq, String hash) {
        append(at + " restauration seq=" + seq + " empreinte=" + hash);
    }

    private synchronized void append(String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // created meanwhile by another process: append to it
                }
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(line + "\n"));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Ancre du journal d'audit : écriture impossible dans " + file
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** The lines that describe the chain in the database now: those after the last restore. */
    public List<Anchor> current() {
        List<Anchor> all = read();
        List<Anchor> current = new ArrayList<>();
        for (Anchor anchor : all) {
            if (anchor.kind() == Kind.RESTORE) {
                current.clear();
            }
            current.add(anchor);
        }
        return current;
    }

    /** The start of the keyed chain written in the file, if any (since the last restore). */
    public Optional<Anchor> keyedStart() {
        return current().stream().filter(a -> a.kind() == Kind.START).reduce((first, second) -> second);
    }

    List<Anchor> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Ancres du journal d'audit illisibles : " + file + " (" + e.getMessage() + ")", e);
        }
        List<Anchor> anchors = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            anchors.add(parse(line, number));
        }
        return anchors;
    }

    private Anchor parse(String line, int number) {
        String[] parts = line.trim().split(" +");
        try {
            Instant at = Instant.parse(parts[0]);
            Kind kind = WORDS.entrySet().stream().filter(e -> e.getValue().equals(parts[1])).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("type " + parts[1]));
            Map<String, String> values = new HashMap<>();
            for (int i = 2; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                values.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            return new Anchor(at, kind, Long.parseLong(values.get("seq")), values.get("cle"), values.get("empreinte"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Ancres du journal d'audit : ligne " + number + " illisible dans " + file
                    + " (« " + line + " »)", e);
        }
    }
}
