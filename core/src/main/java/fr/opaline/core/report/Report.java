package fr.opaline.core.report;

import java.time.Instant;
import java.util.UUID;

/** A compte rendu d'imagerie for one order; its versions share the CDA setId. */
public record Report(UUID id, UUID orderId, String setId, int currentVersion, ReportStatus status, Instant createdAt) {
}
