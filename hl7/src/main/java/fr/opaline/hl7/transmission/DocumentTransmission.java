package fr.opaline.hl7.transmission;

import fr.opaline.core.patient.Patient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One document to transmit by ORU or MDM: the CDA, its ids (TXA-12, TXA-13 for a replacement),
 * the patient (PID with the INS when the identity is qualifiée), the request and its metadata.
 *
 * @param documentUid         the CDA id, {@code root} or {@code root^extension}
 * @param replacedDocumentUid for {@link DocumentAction#REPLACE}, the id of the document replaced
 * @param typeCode            LOINC document type (JDV_J07), e.g. 18748-4
 */
public record DocumentTransmission(DocumentAction action, Patient patient, byte[] cda, String documentUid,
                                   String replacedDocumentUid, String typeCode, String typeLabel, Instant documentTime,
                                   String authenticatorIdnps, List<Participant> participants,
                                   DocumentMetadata metadata, String ippAuthorityName) {

    public DocumentTransmission {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(cda, "cda");
        Objects.requireNonNull(documentUid, "documentUid");
        participants = List.copyOf(participants);
        if (action == DocumentAction.REPLACE && replacedDocumentUid == null) {
            throw new IllegalArgumentException("Un remplacement doit désigner le document remplacé (TXA-13).");
        }
    }
}
