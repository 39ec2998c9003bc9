package fr.opaline.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A trusted correspondent as the API carries it (the ins module's {@code TrustedCorrespondent},
 * field for field; the channel by its name).
 */
public record Correspondent(UUID id, String name, String channel, String identifier, String contractRef,
                            boolean active, Instant createdAt, String createdBy, String sendingFacility,
                            List<String> allowedAddresses, String certificateSha256, List<String> messageTypes,
                            boolean identityTrust) {
}
