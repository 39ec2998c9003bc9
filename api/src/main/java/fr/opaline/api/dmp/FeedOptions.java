package fr.opaline.api.dmp;

import java.util.UUID;

/**
 * What the report editor shows of a CR's DMP send: held before validation (then not sent at
 * validation; releasing it queues the send), and hidden from the patient's legal representatives.
 */
public record FeedOptions(UUID reportId, boolean held, boolean hiddenFromLegalRepresentatives) {
}
