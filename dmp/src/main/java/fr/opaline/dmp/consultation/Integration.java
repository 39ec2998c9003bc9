package fr.opaline.dmp.consultation;

import java.util.UUID;

/** What became of one document asked to be integrated from the DMP. */
public record Integration(String uniqueId, Outcome outcome, UUID localDocumentId, String detail) {

    public enum Outcome {
        /** Stored in the patient's record with the DMP provenance. */
        INTEGRATED,
        /** Already held (same CDA id, or same setId and versionNumber): nothing stored. */
        ALREADY_HELD,
        /** Not stored: not retrievable, unreadable, or about another patient. */
        REJECTED
    }
}
