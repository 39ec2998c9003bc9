package fr.opaline.worklist.net;

import fr.opaline.core.catalogue.AeTitle;
import fr.opaline.worklist.data.TransferSyntax;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a DICOM server listens and negotiates.
 *
 * @param aeTitle                 the called AE title it answers to
 * @param bindAddress             address to listen on ("0.0.0.0" for all interfaces)
 * @param port                    TCP port (0 = any free port)
 * @param callers                 calling AE titles let in; the others get A-ASSOCIATE-RJ (calling AE title not recognized)
 * @param artimTimeout            time for the peer to send its A-ASSOCIATE-RQ, or to close after a release or reject
 * @param idleTimeout             longest wait for the next PDU on an established association
 * @param maxPduLength            largest P-DATA-TF PDU this server receives (announced to peers)
 * @param maxAssociations         associations served at once; the next ones are rejected (transient)
 * @param maxConnectionsPerAddress connections open at once from one source address (negotiating or associated);
 *                                the next ones from that address are closed at once
 * @param abstractSyntaxes        SOP classes served, each with its transfer syntaxes in order of preference
 * @param threadPrefix            name prefix of the threads this server starts
 */
public record ServerOptions(String aeTitle, String bindAddress, int port, CallingAeTitles callers,
                            Duration artimTimeout, Duration idleTimeout, int maxPduLength, int maxAssociations,
                            int maxConnectionsPerAddress, Map<String, List<TransferSyntax>> abstractSyntaxes,
                            String threadPrefix) {

    public static final int MIN_PDU = 4096;
    public static final int MAX_PDU = 1 << 20;

    public ServerOptions {
        aeTitle = AeTitle.check(aeTitle);
        Objects.requireNonNull(callers, "callers");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " hors de 0–65535");
        }
        if (maxPduLength < MIN_PDU || maxPduLength > MAX_PDU) {
            throw new IllegalArgumentException("Longueur maximale de PDU " + maxPduLength + " hors de " + MIN_PDU + "–" + MAX_PDU);
        }
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("Nombre maximal d'associations : au moins 1");
        }
        if (maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("Nombre maximal de connexions par adresse : au moins 1");
        }
        if (artimTimeout.isNegative() || artimTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("Les délais doivent être positifs");
        }
        abstractSyntaxes = Map.copyOf(abstractSyntaxes);
    }
}
