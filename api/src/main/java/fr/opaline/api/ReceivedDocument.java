package fr.opaline.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A CDA received by MSSanté (or imported from an IHE_XDM.zip) as the integration worklist shows
 * it: what the document is, the identity its header gives (to find the patient), and where it
 * stands. Without its content.
 *
 * @param source     {@code MSSANTE} (BAL applicative) or {@code IMPORT} (manual import)
 * @param action     {@code NEW}, {@code REPLACE} or {@code DELETE}
 * @param status     {@code A_TRAITER}, {@code INTEGRE} or {@code REJETE}
 * @param matchCode  why no patient was found at once (e.g. no qualified INS), with {@code detail}
 */
public record ReceivedDocument(UUID id, String source, String action, String title, String typeCode, Instant effectiveAt,
                               String authorName, String insMatricule, String birthName, String birthFirstNames,
                               String usedName, LocalDate birthDate, String sex, String status, String matchCode,
                               String detail, UUID patientId, UUID documentId, Instant receivedAt) {
}
