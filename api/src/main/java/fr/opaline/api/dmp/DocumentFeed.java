package fr.opaline.api.dmp;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a document of the record stands with the DMP, and its visibility.
 *
 * @param state   NONE (never sent), WAITING, HELD, SENT, FAILED or CANCELLED (the dmp module's feed state)
 * @param sendId  the send (outbox job) of the document, null when none
 */
public record DocumentFeed(UUID documentId, String state, UUID sendId, Instant dueAt, String lastError,
                           boolean invisibleToPatient, boolean hiddenFromLegalRepresentatives) {
}
