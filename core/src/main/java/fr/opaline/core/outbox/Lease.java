package fr.opaline.core.outbox;

import java.util.UUID;

/** The right to execute one job, proved by its token until the lease expires. */
public record Lease(OutboxJob job, UUID token, String owner) {
}
