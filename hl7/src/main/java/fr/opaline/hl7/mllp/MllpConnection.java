package fr.opaline.hl7.mllp;

import java.net.InetAddress;

/**
 * Who is at the other end of an MLLP connection, as the network says it (not as its messages
 * claim): its address and port, and the SHA-256 fingerprint of the TLS client certificate it
 * presented (null without TLS or without a certificate).
 */
public record MllpConnection(InetAddress address, int port, String certificateSha256) {

    /** For the trace and the message log. */
    @Override
    public String toString() {
        return (address == null ? "?" : address.getHostAddress()) + ":" + port;
    }
}
