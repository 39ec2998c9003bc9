package fr.opaline.mss.inbound;

import fr.opaline.documents.received.DocumentIntegration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A CDA found in a received XDM zip (or imported by hand), with the identity the CDA gives: what
 * the integration worklist shows and pre-fills the patient search with.
 *
 * @param typeCode the CDA's LOINC type (null when the CDA could not be read), for the statistics
 */
public record InboundDocument(UUID id, UUID receivedMessageId, String source, DocumentIntegration.Action action,
                              String documentUid, String replacesDocumentUid, String typeCode, String title, Instant effectiveAt,
                              String authorName, String insMatricule, String insOid, String birthName,
                              String birthFirstNames, String usedName, LocalDate birthDate, String sex,
                              InboundStatus status, String errorCode, String errorLabel, UUID patientId,
                              UUID clinicalDocumentId, byte[] cda, Instant createdAt, String handledBy, Instant handledAt) {

    public static final String SOURCE_MSSANTE = "MSSANTE";
    public static final String SOURCE_MANUAL = "IMPORT";
}
