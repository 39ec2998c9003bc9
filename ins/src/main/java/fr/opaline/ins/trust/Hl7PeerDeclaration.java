package fr.opaline.ins.trust;

import java.util.List;

/**
 * What an administrator declares of an HL7 peer (added, or the changes to one: a null component
 * keeps the current value).
 *
 * @param name             who it is, for people
 * @param channel          {@link Channel#HL7} (PAM feed, PFI…) or {@link Channel#TELERADIOLOGIE}
 * @param application      MSH-3, how its messages name it
 * @param facility         MSH-4, or blank for any
 * @param addresses        source addresses, ranges ({@code a-b}) or CIDR blocks it may connect from;
 *                         {@code *} for any
 * @param certificateSha256 SHA-256 fingerprint of the TLS client certificate it must present, or blank
 * @param messageTypes     {@code TYPE} or {@code TYPE^EVENT} it may send; null for the channel's default
 * @param identityTrust    whether it has signed an identity trust contract
 * @param contractRef      the contract's reference
 */
public record Hl7PeerDeclaration(String name, Channel channel, String application, String facility,
                                 List<String> addresses, String certificateSha256, List<String> messageTypes,
                                 Boolean identityTrust, String contractRef) {

    /** Identity feeds may create and update identities; merging (A40) must be granted explicitly. */
    public static final List<String> HL7_DEFAULT_TYPES =
            List.of("ADT^A01", "ADT^A04", "ADT^A05", "ADT^A08", "ADT^A28", "ADT^A31");
    /** A teleradiology platform sends its results, nothing else. */
    public static final List<String> TELERADIOLOGY_DEFAULT_TYPES = List.of("ORU^R01");

    public static List<String> defaultTypes(Channel channel) {
        return channel == Channel.TELERADIOLOGIE ? TELERADIOLOGY_DEFAULT_TYPES : HL7_DEFAULT_TYPES;
    }
}
