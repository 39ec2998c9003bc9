package fr.opaline.core.user;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who uses Opaline. Radiologists carry their RPPS (11 digits), the identifier of the
 * legal authenticator of their reports and the key that links a PSC login to this account.
 */
public record UserAccount(UUID id, String login, String displayName, Role role, String rpps,
                          String professionCode, String specialtyCode, boolean active, Instant createdAt) {
}
