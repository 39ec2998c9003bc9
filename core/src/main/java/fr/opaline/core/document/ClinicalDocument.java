package fr.opaline.core.document;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinical document held by the practice. {@code documentUid} is the CDA id (root or
 * root^extension), unique; {@code setId} and {@code versionNumber} chain its versions.
 * Content is the document as received or produced (usually the CDA XML).
 */
public record ClinicalDocument(UUID id, UUID patientId, String documentUid, String setId, int versionNumber,
                               String typeCode, String title, Instant effectiveAt, String authorName,
                               String authorRpps, Provenance provenance, DocumentStatus status,
                               boolean invisibleToPatient, boolean hiddenFromLegalRepresentatives, String mimeType,
                               byte[] content, UUID reportVersionId, Instant receivedAt) {
}
