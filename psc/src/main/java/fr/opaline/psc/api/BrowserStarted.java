package fr.opaline.psc.api;

import java.time.Instant;

/** Open {@code authorizationUri} in the browser; hand what comes back to the loopback to the server. */
public record BrowserStarted(String requestId, String authorizationUri, Instant expiresAt) {
}
