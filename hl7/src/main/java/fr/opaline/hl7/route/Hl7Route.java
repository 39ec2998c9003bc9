package fr.opaline.hl7.route;

import java.util.UUID;

/**
 * An outbound route of a declared HL7 peer: where its messages of one kind go (MLLP host:port,
 * TLS or not). The peer's MSH-3 and MSH-4 are the receiving application and facility.
 */
public record Hl7Route(UUID id, UUID peerId, String peerName, String peerApplication, String peerFacility,
                       boolean peerActive, Hl7RouteKind kind, String host, int port, boolean tls) {

    /** One line in French, for lists and the audit trail. */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " → " + host + ":" + port + (tls ? " (TLS)" : "")
                + " pour " + peerName + " (" + peerApplication + ")" + (peerActive ? "" : ", pair désactivé");
    }
}
