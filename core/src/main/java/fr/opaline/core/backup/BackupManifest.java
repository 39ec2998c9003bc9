package fr.opaline.core.backup;

import java.time.Instant;
import java.util.List;

/** The table of contents of a backup archive. */
public record BackupManifest(String format, int formatVersion, String schemaVersion, Instant createdAt,
                             String sourceDialect, List<TableEntry> tables) {

    public static final String FORMAT = "opaline-backup";
    public static final int FORMAT_VERSION = 1;

    public record TableEntry(String name, long rows, String sha256) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }
}
