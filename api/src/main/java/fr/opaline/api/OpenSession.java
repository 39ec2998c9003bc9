package fr.opaline.api;

import java.time.Instant;
import java.util.UUID;

/** A session as an administrator sees it: who, since when, from which workstation key; never its handle. */
public record OpenSession(UUID sessionId, String login, String displayName, String role, Instant signedInAt,
                          Instant lastCallAt, boolean locked, String workstationFingerprint) {
}
