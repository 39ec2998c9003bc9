package fr.opaline.sandbox.drimbox;

import java.time.Instant;
import java.util.List;

/** What the sandbox DRIMbox holds for one CR version it received. */
public record ReceivedCr(String controlId, String messageType, String action, String documentUid,
                         String replacedDocumentUid, String patientIns, String patientName, List<String> studyInstanceUids,
                         String accessionNumber, String status, int cdaBytes, String title, Instant receivedAt) {

    ReceivedCr withStatus(String newStatus) {
        return new ReceivedCr(controlId, messageType, action, documentUid, replacedDocumentUid, patientIns, patientName,
                studyInstanceUids, accessionNumber, newStatus, cdaBytes, title, receivedAt);
    }
}
