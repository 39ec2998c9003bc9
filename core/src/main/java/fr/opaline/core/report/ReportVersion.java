package fr.opaline.core.report;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a report. Each version is its own CDA document (documentUid = CDA id) with
 * versionNumber = this version's number and the report's setId.
 *
 * @param invisibleToPatient   the version must not be shown to the patient (DMP "invisible au patient")
 * @param statusReason         why the version was amended (on the new version) or retracted
 * @param replacesDocumentUid  CDA id of the validated version this one replaces (relatedDocument RPLC), or null
 */
public record ReportVersion(UUID id, UUID reportId, int versionNumber, String documentUid, ReportStatus status,
                            String indication, String technique, String results, String conclusion, UUID authorId,
                            UUID legalAuthenticatorId, Instant validatedAt, Instant createdAt,
                            boolean invisibleToPatient, String statusReason, Instant retractedAt,
                            String replacesDocumentUid) {

    public ReportContent content() {
        return new ReportContent(indication, technique, results, conclusion);
    }

    public ReportVersion withContent(ReportContent c) {
        return new ReportVersion(id, reportId, versionNumber, documentUid, status, c.indication(), c.technique(),
                c.results(), c.conclusion(), authorId, legalAuthenticatorId, validatedAt, createdAt, invisibleToPatient,
                statusReason, retractedAt, replacesDocumentUid);
    }

    public ReportVersion validated(UUID legalAuthenticator, Instant at) {
        return new ReportVersion(id, reportId, versionNumber, documentUid, ReportStatus.VALIDATED, indication, technique,
                results, conclusion, authorId, legalAuthenticator, at, createdAt, invisibleToPatient, statusReason,
                retractedAt, replacesDocumentUid);
    }

    public ReportVersion withStatus(ReportStatus newStatus) {
        return new ReportVersion(id, reportId, versionNumber, documentUid, newStatus, indication, technique, results,
                conclusion, authorId, legalAuthenticatorId, validatedAt, createdAt, invisibleToPatient, statusReason,
                retractedAt, replacesDocumentUid);
    }

    public ReportVersion retracted(String reason, Instant at) {
        return new ReportVersion(id, reportId, versionNumber, documentUid, ReportStatus.RETRACTED, indication, technique,
                results, conclusion, authorId, legalAuthenticatorId, validatedAt, createdAt, invisibleToPatient, reason,
                at, replacesDocumentUid);
    }

    public ReportVersion withInvisibleToPatient(boolean invisible) {
        return new ReportVersion(id, reportId, versionNumber, documentUid, status, indication, technique, results,
                conclusion, authorId, legalAuthenticatorId, validatedAt, createdAt, invisible, statusReason, retractedAt,
                replacesDocumentUid);
    }
}
