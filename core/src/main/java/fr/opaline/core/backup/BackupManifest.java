package fr.opaline.core.backup;

import java.time.Instant;
import java.util.List;

/**
 * The table of contents of a backup archive. It also carries the head of the audit chain at the
 * time of the backup ({@code auditSeq}, {@code auditHash}; absent from backups made before): an
 * anchor kept with the backup, out of reach of whoever can write the database later
 * ({@code opaline audit verify --sauvegarde}).
 */
public record BackupManifest(String format, int formatVersion, String schemaVersion, Instant createdAt,
                             String sourceDialect, List<TableEntry> tables, Long auditSeq, String auditHash) {

    public static final String FORMAT = "opaline-backup";
    public static final int FORMAT_VERSION = 1;

    public record TableEntry(String name, long rows, String sha256) {
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableEntry::rows).sum();
    }
}
