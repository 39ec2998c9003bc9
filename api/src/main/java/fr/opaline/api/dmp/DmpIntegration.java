package fr.opaline.api.dmp;

import java.util.UUID;

/**
 * What became of one document asked to be integrated from the DMP.
 *
 * @param outcome INTEGRATED, ALREADY_HELD or REJECTED
 */
public record DmpIntegration(String uniqueId, String outcome, UUID localDocumentId, String detail) {
}
