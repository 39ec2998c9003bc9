package fr.opaline.ins.trust;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.jetty.util.InetAddressPattern;

/**
 * A correspondent declared by the practice: how its flows name it ({@code identifier}: HL7
 * sending application MSH-3, MSSanté address…) and whether it has signed an identity trust
 * contract ({@code identityTrust}, DSR 3.2.8). On the MLLP channels (HL7, teleradiology) it is
 * also an HL7 peer: its MSH-4 (optional), the source addresses it may connect from, the TLS
 * client certificate it must present (optional) and the message types it may send.
 */
public record TrustedCorrespondent(UUID id, String name, Channel channel, String identifier, String contractRef,
                                   boolean active, Instant createdAt, String createdBy, String sendingFacility,
                                   List<String> allowedAddresses, String certificateSha256, List<String> messageTypes,
                                   boolean identityTrust) {

    /** Any source address: an explicit choice, never a default. */
    public static final String ANY_ADDRESS = "*";

    public TrustedCorrespondent {
        allowedAddresses = allowedAddresses == null ? List.of() : List.copyOf(allowedAddresses);
        messageTypes = messageTypes == null ? List.of() : List.copyOf(messageTypes);
    }

    /** Whether its messages arrive by MLLP (and it is therefore an HL7 peer of the listener). */
    public boolean isHl7Peer() {
        return channel == Channel.HL7 || channel == Channel.TELERADIOLOGIE;
    }

    public boolean allowsAddress(InetAddress address) {
        for (String pattern : allowedAddresses) {
            if (ANY_ADDRESS.equals(pattern) || matches(pattern, address)) {
                return true;
            }
        }
        return false;
    }

    /** Whether MSH-4 is the declared one (any, when none is declared). */
    public boolean allowsFacility(String msh4) {
        return sendingFacility == null || sendingFacility.equalsIgnoreCase(msh4 == null ? "" : msh4.trim());
    }

    /** Whether this type and event (MSH-9.1, MSH-9.2) is among its rights ({@code TYPE} or {@code TYPE^EVENT}). */
    public boolean allowsMessage(String type, String event) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        String full = t + "^" + (event == null ? "" : event.toUpperCase(Locale.ROOT));
        return messageTypes.stream().anyMatch(m -> m.equals(t) || m.equals(full));
    }

    private static boolean matches(String pattern, InetAddress address) {
        try {
            return InetAddressPattern.from(pattern).test(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
