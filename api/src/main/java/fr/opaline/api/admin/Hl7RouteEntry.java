package fr.opaline.api.admin;

import java.util.UUID;

/**
 * An outbound HL7 route of a declared peer: {@code kind} adt (identities), orm (exams to a PACS) or
 * pfi (validated CRs to a plateforme d'intégration), sent by MLLP to host:port, TLS or not.
 */
public record Hl7RouteEntry(UUID id, UUID correspondentId, String peerName, String peerApplication, String kind,
                            String host, int port, boolean tls, boolean peerActive) {
}
