package fr.opaline.ins.trust;

import java.time.Instant;
import java.util.UUID;

/**
 * A correspondent with whom the practice has signed an identity trust contract: how its
 * flows name it ({@code identifier}: HL7 sending facility or FINESS, MSSanté address…).
 */
public record TrustedCorrespondent(UUID id, String name, Channel channel, String identifier, String contractRef,
                                   boolean active, Instant createdAt, String createdBy) {
}
