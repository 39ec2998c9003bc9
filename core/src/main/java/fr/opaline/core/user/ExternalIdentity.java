package fr.opaline.core.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A local account linked to an identity at an OpenID Connect provider: {@code provider} is the
 * configured provider id ("psc", …), {@code subject} its {@code sub} claim, {@code nationalId}
 * the professional's national identifier (8 + RPPS) when the provider gives one.
 */
public record ExternalIdentity(String provider, String subject, UUID userId, String nationalId, Instant linkedAt,
                               String linkedBy) {
}
