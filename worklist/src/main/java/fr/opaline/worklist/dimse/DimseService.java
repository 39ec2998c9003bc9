package fr.opaline.worklist.dimse;

import fr.opaline.core.common.LogSafe;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DatasetReader;
import fr.opaline.worklist.data.DatasetWriter;
import fr.opaline.worklist.data.DicomFormatException;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.net.Association;
import fr.opaline.worklist.net.AssociationAbortedException;
import fr.opaline.worklist.net.Pdu;
import fr.opaline.worklist.net.Pdu.Abort;
import fr.opaline.worklist.net.PduFormatException;
import fr.opaline.worklist.net.PresentationHandler;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DIMSE service provider of one association: C-ECHO on the Verification context, C-FIND on
 * the contexts of the registered information models, with C-CANCEL honoured between pending
 * responses. Other known requests get "unrecognized operation"; an unknown command field is a
 * protocol error.
 */
public final class DimseService implements PresentationHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DimseService.class);

    private final Association association;
    private final Map<String, FindHandler> findHandlers;
    private final MessageAssembler assembler;
    private final Deque<DimseMessage> waiting = new ArrayDeque<>();

    public DimseService(Association association, Map<String, FindHandler> findHandlers, int maxDatasetBytes) {
        this.association = association;
        this.findHandlers = Map.copyOf(findHandlers);
        this.assembler = new MessageAssembler(maxDatasetBytes);
    }

    /** A factory for {@link fr.opaline.worklist.net.DicomServer}. */
    public static PresentationHandler.Factory factory(Map<String, FindHandler> findHandlers, int maxDatasetBytes) {
        return association -> new DimseService(association, findHandlers, maxDatasetBytes);
    }

    @Override
    public void onData(Pdu.PData data) throws IOException, PduFormatException {
        waiting.addAll(assembler.accept(data));
        while (!waiting.isEmpty()) {
            dispatch(waiting.pollFirst());
        }
    }

    private void dispatch(DimseMessage message) throws IOException, PduFormatException {
        int field = message.commandField();
        String contextSyntax = association.context(message.contextId()).abstractSyntax();
        switch (field) {
            case Dimse.C_ECHO_RQ -> respond(message, Dimse.VERIFICATION.equals(contextSyntax)
                    ? Dimse.SUCCESS : Dimse.SOP_CLASS_NOT_SUPPORTED, null);
            case Dimse.C_FIND_RQ -> find(message, contextSyntax);
            case Dimse.C_CANCEL_RQ -> LOG.debug("C-CANCEL sans opération en cours, ignoré");
            default -> {
                if (!Dimse.isKnownRequest(field)) {
                    throw new PduFormatException(String.format("Command Field 0x%04X inconnu", field),
                            Abort.UNRECOGNIZED_PDU_PARAMETER);
                }
                respond(message, Dimse.UNRECOGNIZED_OPERATION, "Operation non prise en charge");
            }
        }
    }

    private void find(DimseMessage request, String contextSyntax) throws IOException, PduFormatException {
        FindHandler handler = findHandlers.get(contextSyntax);
        if (handler == null || !contextSyntax.equals(request.affectedSopClass())) {
            respond(request, Dimse.SOP_CLASS_NOT_SUPPORTED, "Classe SOP non prise en charge sur ce contexte");
            return;
        }
        if (request.dataset() == null) {
            respond(request, Dimse.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "C-FIND sans identifiant");
            return;
        }
        TransferSyntax syntax = association.context(request.contextId()).transferSyntax();
        Attributes identifier;
        try {
            identifier = DatasetReader.read(request.dataset(), syntax);
        } catch (DicomFormatException e) {
            LOG.info("C-FIND illisible de {} : {}", association, LogSafe.text(e.getMessage()));
            respond(request, Dimse.UNABLE_TO_PROCESS, "Identifiant illisible : " + e.getMessage());
            return;
        }
        FindHandler.Outcome outcome;
        try {
            outcome = handler.find(new FindHandler.Request(association.callingAeTitle(), association.calledAeTitle(),
                    association.remoteAddress(), identifier));
        } catch (FindHandler.FindFailure e) {
            respond(request, e.status(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("C-FIND de {} : erreur interne", association, e);
            respond(request, Dimse.UNABLE_TO_PROCESS, "Erreur interne du serveur de worklist");
            return;
        }
        Iterator<Attributes> matches = outcome.matches();
        while (matches.hasNext()) {
            if (cancelled(request.messageId())) {
                respond(request, Dimse.CANCEL, null);
                return;
            }
            Attributes match = matches.next();
            association.sendMessage(request.contextId(),
                    DatasetWriter.writeCommand(DimseMessage.response(request, outcome.pendingStatus(), true, null)),
                    DatasetWriter.write(match, syntax));
        }
        respond(request, outcome.finalStatus(), outcome.finalComment());
    }

    /**
     * Reads what the SCU sent while responses were going out: a C-CANCEL for this request ends
     * it; other messages and a release request wait for the end of the operation; A-ABORT ends
     * everything.
     */
    private boolean cancelled(int messageId) throws IOException, PduFormatException {
        boolean cancel = false;
        while (association.hasIncoming()) {
            Pdu pdu = association.next();
            if (pdu instanceof Pdu.PData data) {
                for (DimseMessage message : assembler.accept(data)) {
                    if (message.commandField() == Dimse.C_CANCEL_RQ && message.messageIdBeingRespondedTo() == messageId) {
                        cancel = true;
                    } else if (message.commandField() != Dimse.C_CANCEL_RQ) {
                        waiting.addLast(message);
                    }
                }
            } else if (pdu instanceof Abort) {
                throw new AssociationAbortedException("A-ABORT reçu pendant un C-FIND");
            } else if (pdu instanceof Pdu.ReleaseRequest) {
                association.defer(pdu);
                return cancel;
            } else {
                throw new PduFormatException("PDU inattendue pendant un C-FIND", Abort.UNEXPECTED_PDU);
            }
        }
        return cancel;
    }

    private void respond(DimseMessage request, int status, String comment) throws IOException {
        association.sendMessage(request.contextId(),
                DatasetWriter.writeCommand(DimseMessage.response(request, status, false, comment)), null);
    }
}
