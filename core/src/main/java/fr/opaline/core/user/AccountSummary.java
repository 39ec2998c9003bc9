package fr.opaline.core.user;

import java.time.Instant;
import java.util.List;

/**
 * One account as an administrator reviews it (SC.SSI/IAM.94): identity, rights and the state of
 * its credentials, without any secret.
 */
public record AccountSummary(UserAccount user, boolean localPassword, boolean mustChangePassword,
                             Instant passwordChangedAt, Instant passwordExpiresAt, int failedAttempts,
                             Instant lockedUntil, boolean totp, Instant lastLoginAt, List<ExternalIdentity> links) {
}
