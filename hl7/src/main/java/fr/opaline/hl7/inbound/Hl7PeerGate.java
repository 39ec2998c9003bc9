package fr.opaline.hl7.inbound;

import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.mllp.MllpConnection;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.ins.trust.TrustedCorrespondents;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may send what to the MLLP listener: the HL7 peers of the trusted-correspondent registry.
 * A message is let in only from an active peer named by its MSH-3 (and MSH-4 when declared),
 * connecting from one of its addresses, with its TLS client certificate when one is declared, and
 * of a type among its rights; otherwise the reason, in French, for the AR. The registry is read
 * again every few seconds, so a change made at the desk or on the command line applies at once.
 */
public final class Hl7PeerGate {

    private static final Duration REFRESH = Duration.ofSeconds(3);

    private final Supplier<List<TrustedCorrespondent>> source;
    private volatile List<TrustedCorrespondent> peers;
    private volatile long readAt;

    public Hl7PeerGate(TrustedCorrespondents registry) {
        this(registry::hl7Peers);
    }

    /** From any source of peers (the tests, the benchmark). */
    public Hl7PeerGate(Supplier<List<TrustedCorrespondent>> source) {
        this.source = source;
    }

    private List<TrustedCorrespondent> peers() {
        long now = System.nanoTime();
        List<TrustedCorrespondent> p = peers;
        if (p == null || now - readAt > REFRESH.toNanos()) {
            p = List.copyOf(source.get());
            peers = p;
            readAt = now;
        }
        return p;
    }

    /** Whether some active peer may connect from this address. */
    public boolean knownAddress(InetAddress address) {
        return peers().stream().anyMatch(p -> p.active() && p.allowsAddress(address));
    }

    /** The active peer this header names (MSH-3), if any. */
    public Optional<TrustedCorrespondent> peer(String application) {
        String a = application == null ? "" : application.trim().toLowerCase(Locale.ROOT);
        return peers().stream().filter(p -> p.active() && p.identifier().equals(a)).findFirst();
    }

    /** Why this message from this connection is refused, or empty when it is let in. */
    public Optional<String> refusal(MshHeader header, MllpConnection connection) {
        String address = connection.address() == null ? "?" : connection.address().getHostAddress();
        if (header == null) {
            return knownAddress(connection.address()) ? Optional.empty()
                    : Optional.of("Adresse source " + address + " d'aucun émetteur HL7 déclaré");
        }
        String application = Printable.of(header.sendingApplication());
        List<TrustedCorrespondent> all = peers();
        String key = header.sendingApplication().trim().toLowerCase(Locale.ROOT);
        TrustedCorrespondent peer = all.stream().filter(p -> p.identifier().equals(key)).findFirst().orElse(null);
        if (peer == null || key.isEmpty()) {
            return Optional.of("Émetteur HL7 non déclaré : « " + application + " » (MSH-3)");
        }
        if (!peer.active()) {
            return Optional.of("Émetteur HL7 « " + application + " » désactivé");
        }
        if (!peer.allowsFacility(header.sendingFacility())) {
            return Optional.of("Établissement émetteur « " + Printable.of(header.sendingFacility())
                    + " » (MSH-4) différent de celui déclaré pour « " + application + " »");
        }
        if (!peer.allowsAddress(connection.address())) {
            return Optional.of("Adresse source " + address + " non autorisée pour l'émetteur « " + application + " »");
        }
        if (peer.certificateSha256() != null && !peer.certificateSha256().equals(connection.certificateSha256())) {
            return Optional.of(connection.certificateSha256() == null
                    ? "Certificat client TLS exigé pour l'émetteur « " + application + " »"
                    : "Certificat client TLS différent de celui déclaré pour l'émetteur « " + application + " »");
        }
        if (!peer.allowsMessage(header.messageType(), header.triggerEvent())) {
            return Optional.of("Message " + Printable.of(header.typeAndEvent()) + " non autorisé pour l'émetteur « "
                    + application + " » (autorisés : " + String.join(", ", peer.messageTypes()) + ")");
        }
        return Optional.empty();
    }

    /** Text from the network made safe for an ACK, the log and the audit trail: no control characters, bounded. */
    static final class Printable {
        private Printable() {
        }

        static String of(String s) {
            if (s == null) {
                return "";
            }
            String clean = s.replaceAll("\\p{Cntrl}", "?");
            return clean.length() > 60 ? clean.substring(0, 60) + "…" : clean;
        }
    }
}
