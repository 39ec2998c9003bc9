package fr.opaline.api.operator;

/** A backup the server wrote: where, and what it holds. */
public record BackupWritten(String file, int tables, long rows, String schemaVersion) {
}
