package fr.opaline.core.user;

import java.time.Instant;
import java.util.UUID;

/**
 * The local credentials of an account: password hash, lockout state and optional TOTP second
 * factor. Never leaves the core: the secret fields are not shown nor exported.
 */
public record Credential(UUID userId, String passwordHash, Instant passwordChangedAt, boolean mustChangePassword,
                         int failedAttempts, Instant lockedUntil, String totpSecret, boolean totpConfirmed,
                         Long totpLastStep, Instant lastLoginAt, int rowVersion) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean totpActive() {
        return totpSecret != null && totpConfirmed;
    }

    @Override
    public String toString() {
        return "Credential[" + userId + ", failures=" + failedAttempts + ", lockedUntil=" + lockedUntil
                + ", totp=" + totpActive() + "]";
    }
}
