package fr.opaline.worklist.net;

import fr.opaline.core.catalogue.AeTitle;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.Pdu.AssociateAccept;
import fr.opaline.worklist.net.Pdu.AssociateReject;
import fr.opaline.worklist.net.Pdu.AssociateRequest;
import fr.opaline.worklist.net.Pdu.PresentationContext;
import fr.opaline.worklist.net.Pdu.PresentationContextResult;
import fr.opaline.worklist.net.Pdu.UserInformation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The association requestor (SCU side): opens an association with a DICOM peer. */
public final class Requestor {

    /**
     * @param maxPduLength largest P-DATA-TF this side receives (announced to the peer)
     * @param timeout      connect, negotiation and per-PDU read timeout
     */
    public record Options(String callingAeTitle, String calledAeTitle, List<PresentationContext> contexts,
                          int maxPduLength, Duration timeout) {
        public Options {
            callingAeTitle = AeTitle.check(callingAeTitle);
            calledAeTitle = AeTitle.check(calledAeTitle);
            contexts = List.copyOf(contexts);
        }
    }

    private Requestor() {
    }

    public static Association open(String host, int port, Options options) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) options.timeout().toMillis());
            PduChannel channel = new PduChannel(socket);
            channel.write(new AssociateRequest(AcceptancePolicy.PROTOCOL_VERSION, options.calledAeTitle(),
                    options.callingAeTitle(), Pdu.APPLICATION_CONTEXT, options.contexts(),
                    new UserInformation(options.maxPduLength(), Implementation.CLASS_UID, Implementation.VERSION_NAME,
                            List.of())));
            Pdu answer = channel.read(options.timeout(), options.maxPduLength());
            if (answer instanceof AssociateReject rj) {
                channel.closeAfterPeer(Duration.ofSeconds(1));
                throw new AssociationRejectedException(rj);
            }
            if (!(answer instanceof AssociateAccept ac)) {
                throw new IOException("Réponse inattendue à la demande d'association : " + answer);
            }
            Map<Integer, Association.AcceptedContext> accepted = new HashMap<>();
            for (PresentationContextResult result : ac.contexts()) {
                PresentationContext proposed = options.contexts().stream().filter(pc -> pc.id() == result.id())
                        .findFirst().orElse(null);
                if (result.accepted() && proposed != null) {
                    TransferSyntax ts = TransferSyntax.ofUid(result.transferSyntax())
                            .orElseThrow(() -> new IOException("Syntaxe de transfert non proposée : " + result.transferSyntax()));
                    accepted.put(result.id(), new Association.AcceptedContext(result.id(), proposed.abstractSyntax(), ts));
                }
            }
            return new Association(channel, options.callingAeTitle(), options.calledAeTitle(), accepted,
                    ac.userInformation().maxPduLength(), options.maxPduLength(), options.timeout());
        } catch (PduFormatException e) {
            socket.close();
            throw new IOException("Réponse d'association illisible : " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
