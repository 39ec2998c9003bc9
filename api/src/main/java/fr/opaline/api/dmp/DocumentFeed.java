package fr.opaline.api.dmp;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a document of the record stands with the DMP, and its visibility.
 *
 * @param state   the send: NONE (never sent), SCHEDULED, HELD, SENDING, IN_DMP, FAILED or CANCELLED; once a
 *                deletion from the DMP was asked: DELETING, DELETED or DELETE_FAILED
 * @param sendId  the send (outbox job) of the document, null when none
 */
public record DocumentFeed(UUID documentId, String state, UUID sendId, Instant dueAt, String lastError,
                           boolean invisibleToPatient, boolean hiddenFromLegalRepresentatives) {
}
