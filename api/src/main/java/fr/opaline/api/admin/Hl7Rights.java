package fr.opaline.api.admin;

import java.util.List;

/**
 * The HL7 rights of a peer of the MLLP listener: MSH-4, source addresses, TLS certificate
 * fingerprint, message types ({@code TYPE} or {@code TYPE^EVENT}), and whether its identities are trusted.
 */
public record Hl7Rights(String facility, List<String> addresses, String certificateSha256, List<String> messageTypes,
                        boolean identityTrust) {
}
