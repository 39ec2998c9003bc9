package fr.opaline.core.report;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a report. Each version is its own CDA document (documentUid = CDA id) with
 * versionNumber = this version's number and the report's setId.
 */
public record ReportVersion(UUID id, UUID reportId, int versionNumber, String documentUid, ReportStatus status,
                            String indication, String technique, String results, String conclusion, UUID authorId,
                            UUID legalAuthenticatorId, Instant validatedAt, Instant createdAt) {
}
