package fr.opaline.dmp.xds;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.documents.xds.XdsMetadata;
import java.util.Objects;

/**
 * One document to submit to the DMP (ITI-41): its bytes, the XDS metadata read from its header,
 * the patient's INS, and for a replacement the entryUUID (in the DMP) of the version it replaces.
 */
public record DmpSubmission(InsNumber patient, byte[] document, XdsMetadata metadata, String replacedEntryUuid) {

    public DmpSubmission {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(metadata, "metadata");
    }
}
