package fr.opaline.psc.vault;

import fr.opaline.psc.oidc.Professional;
import java.time.Instant;
import java.util.UUID;

/**
 * A session opened through an identity provider, as the vault keeps it: who, through which
 * provider and flow, from which workstation, until when. The tokens are not part of it.
 *
 * @param userId the linked local account, null until the first-login reconciliation is done
 */
public record PscSession(UUID id, String provider, Flow flow, Professional professional, UUID userId,
                         String clientAddress, Instant createdAt, Instant refreshedAt, Instant accessExpiresAt,
                         Instant refreshExpiresAt, Instant endsAt, Instant endedAt, String endReason) {

    public enum Flow { CIBA, BROWSER }

    public boolean activeAt(Instant now) {
        return endedAt == null && now.isBefore(endsAt);
    }
}
