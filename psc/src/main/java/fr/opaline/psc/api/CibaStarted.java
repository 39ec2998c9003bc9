package fr.opaline.psc.api;

import java.time.Instant;

/** A CIBA login under way: show {@code bindingMessage}, poll {@code requestId} until it finishes. */
public record CibaStarted(String requestId, String bindingMessage, Instant expiresAt, int pollAfterSeconds) {
}
