package fr.opaline.worklist.net;

import fr.opaline.core.catalogue.AeTitle;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.Pdu.AssociateAccept;
import fr.opaline.worklist.net.Pdu.AssociateReject;
import fr.opaline.worklist.net.Pdu.AssociateRequest;
import fr.opaline.worklist.net.Pdu.PresentationContext;
import fr.opaline.worklist.net.Pdu.PresentationContextResult;
import fr.opaline.worklist.net.Pdu.UserInformation;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers an A-ASSOCIATE-RQ (PS3.8 section 7.1): A-ASSOCIATE-RJ when the server is full, the
 * protocol version or application context is wrong, or an AE title is not the expected one;
 * otherwise A-ASSOCIATE-AC with, for each proposed context, acceptance with the preferred
 * transfer syntax or the reason it is refused.
 */
final class AcceptancePolicy {

    static final int PROTOCOL_VERSION = 1;

    private final ServerOptions options;

    AcceptancePolicy(ServerOptions options) {
        this.options = options;
    }

    /** Rejection reasons that do not depend on the request's content. */
    static AssociateReject full() {
        return new AssociateReject(AssociateReject.TRANSIENT, AssociateReject.SOURCE_PRESENTATION,
                AssociateReject.PRESENTATION_LOCAL_LIMIT_EXCEEDED);
    }

    Pdu answer(AssociateRequest rq) {
        if ((rq.protocolVersion() & 1) == 0) {
            return new AssociateReject(AssociateReject.PERMANENT, AssociateReject.SOURCE_ACSE,
                    AssociateReject.ACSE_PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        if (!Pdu.APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            return userReject(AssociateReject.USER_APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        if (!options.aeTitle().equals(rq.calledAeTitle())) {
            return userReject(AssociateReject.USER_CALLED_AE_NOT_RECOGNIZED);
        }
        if (!AeTitle.isValid(rq.callingAeTitle()) || !options.callers().known(rq.callingAeTitle())) {
            return callingAeNotRecognized();
        }
        List<PresentationContextResult> results = new ArrayList<>();
        for (PresentationContext pc : rq.contexts()) {
            results.add(negotiate(pc));
        }
        return new AssociateAccept(PROTOCOL_VERSION, rq.calledAeTitle(), rq.callingAeTitle(), Pdu.APPLICATION_CONTEXT,
                results, new UserInformation(options.maxPduLength(), Implementation.CLASS_UID,
                Implementation.VERSION_NAME, List.of()));
    }

    private PresentationContextResult negotiate(PresentationContext pc) {
        String firstProposed = pc.transferSyntaxes().get(0);
        List<TransferSyntax> supported = options.abstractSyntaxes().get(pc.abstractSyntax());
        if (supported == null) {
            return new PresentationContextResult(pc.id(), PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    firstProposed);
        }
        for (TransferSyntax preferred : supported) {
            if (pc.transferSyntaxes().contains(preferred.uid())) {
                return new PresentationContextResult(pc.id(), PresentationContextResult.ACCEPTANCE, preferred.uid());
            }
        }
        return new PresentationContextResult(pc.id(), PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                firstProposed);
    }

    /** A-ASSOCIATE-RJ rejected-permanent, DICOM UL service-user, calling AE title not recognized (PS3.8 9.3.4). */
    static AssociateReject callingAeNotRecognized() {
        return userReject(AssociateReject.USER_CALLING_AE_NOT_RECOGNIZED);
    }

    static boolean isCallingAeNotRecognized(AssociateReject rj) {
        return rj.result() == AssociateReject.PERMANENT && rj.source() == AssociateReject.SOURCE_SERVICE_USER
                && rj.reason() == AssociateReject.USER_CALLING_AE_NOT_RECOGNIZED;
    }

    private static AssociateReject userReject(int reason) {
        return new AssociateReject(AssociateReject.PERMANENT, AssociateReject.SOURCE_SERVICE_USER, reason);
    }

    /** French explanation of a rejection, for logs. */
    static String explain(AssociateReject rj) {
        return switch (rj.source() * 100 + rj.reason()) {
            case 102 -> "contexte d'application non pris en charge";
            case 103 -> "titre AE appelant non reconnu";
            case 107 -> "titre AE appelé inconnu";
            case 202 -> "version de protocole non prise en charge";
            case 301 -> "encombrement temporaire";
            case 302 -> "nombre maximal d'associations atteint";
            default -> "sans motif";
        };
    }
}
