package fr.opaline.mss.outbound;

import java.time.Instant;
import java.util.UUID;

/**
 * A correspondent chosen on an order to receive its CR by MSSanté (usually from the directory);
 * {@code referring}: the prescriber himself, whose address then overrides the directory look-up.
 */
public record OrderCorrespondent(UUID id, UUID orderId, String displayName, String rpps, String profession,
                                 String mssAddress, boolean referring, String createdBy, Instant createdAt) {
}
