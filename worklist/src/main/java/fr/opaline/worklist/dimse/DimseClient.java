package fr.opaline.worklist.dimse;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DatasetReader;
import fr.opaline.worklist.data.DatasetWriter;
import fr.opaline.worklist.data.DicomFormatException;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.data.Vr;
import fr.opaline.worklist.net.Association;
import fr.opaline.worklist.net.Pdu;
import fr.opaline.worklist.net.PduFormatException;
import fr.opaline.worklist.net.Requestor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small DIMSE SCU: C-ECHO and C-FIND (with C-CANCEL) on one association. The benchmark and
 * the tests use it; interoperability itself is tested with DCMTK.
 */
public final class DimseClient implements AutoCloseable {

    /** What a C-FIND returned: the identifiers of the pending responses and the final status. */
    public record FindResult(List<Attributes> matches, List<Integer> pendingStatuses, int finalStatus,
                             String errorComment) {
    }

    private final Association association;
    private final MessageAssembler assembler = new MessageAssembler(16 * 1024 * 1024);
    private final Deque<DimseMessage> received = new ArrayDeque<>();
    private int nextMessageId = 1;

    private DimseClient(Association association) {
        this.association = association;
    }

    public static DimseClient connect(String host, int port, Requestor.Options options) throws IOException {
        return new DimseClient(Requestor.open(host, port, options));
    }

    /** Proposes each SOP class with Explicit then Implicit VR Little Endian. */
    public static List<Pdu.PresentationContext> propose(String... sopClasses) {
        List<Pdu.PresentationContext> contexts = new ArrayList<>();
        for (int i = 0; i < sopClasses.length; i++) {
            contexts.add(new Pdu.PresentationContext(2 * i + 1, sopClasses[i],
                    List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid())));
        }
        return contexts;
    }

    public Association association() {
        return association;
    }

    /** C-ECHO; returns the status. */
    public int echo() throws IOException {
        Association.AcceptedContext context = requireContext(Dimse.VERIFICATION);
        int id = nextMessageId++;
        association.sendMessage(context.id(), DatasetWriter.writeCommand(request(Dimse.C_ECHO_RQ, Dimse.VERIFICATION, id,
                false)), null);
        return receive().status();
    }

    public FindResult find(String sopClass, Attributes identifier) throws IOException {
        return find(sopClass, identifier, -1);
    }

    /** C-FIND; with {@code cancelAfter} ≥ 0, sends C-CANCEL after that many pending responses. */
    public FindResult find(String sopClass, Attributes identifier, int cancelAfter) throws IOException {
        Association.AcceptedContext context = requireContext(sopClass);
        int id = nextMessageId++;
        Attributes command = request(Dimse.C_FIND_RQ, sopClass, id, true);
        command.setInt(Tags.PRIORITY, Vr.US, 0);
        association.sendMessage(context.id(), DatasetWriter.writeCommand(command),
                DatasetWriter.write(identifier, context.transferSyntax()));
        List<Attributes> matches = new ArrayList<>();
        List<Integer> pending = new ArrayList<>();
        while (true) {
            DimseMessage response = receive();
            int status = response.status();
            if (!Dimse.isPending(status)) {
                return new FindResult(matches, pending, status, response.command().getString(Tags.ERROR_COMMENT));
            }
            pending.add(status);
            if (response.dataset() != null) {
                try {
                    matches.add(DatasetReader.read(response.dataset(), context.transferSyntax()));
                } catch (DicomFormatException e) {
                    throw new IOException("Réponse C-FIND illisible : " + e.getMessage(), e);
                }
            }
            if (pending.size() == cancelAfter) {
                Attributes cancel = new Attributes();
                cancel.setInt(Tags.COMMAND_FIELD, Vr.US, Dimse.C_CANCEL_RQ);
                cancel.setInt(Tags.MESSAGE_ID_BEING_RESPONDED_TO, Vr.US, id);
                cancel.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, Dimse.NO_DATA_SET);
                association.sendMessage(context.id(), DatasetWriter.writeCommand(cancel), null);
            }
        }
    }

    private Association.AcceptedContext requireContext(String sopClass) throws IOException {
        Association.AcceptedContext context = association.contextFor(sopClass);
        if (context == null) {
            throw new IOException("Le pair n'a accepté aucun contexte pour " + sopClass);
        }
        return context;
    }

    private static Attributes request(int field, String sopClass, int messageId, boolean withDataset) {
        Attributes command = new Attributes();
        command.setString(Tags.AFFECTED_SOP_CLASS_UID, Vr.UI, sopClass);
        command.setInt(Tags.COMMAND_FIELD, Vr.US, field);
        command.setInt(Tags.MESSAGE_ID, Vr.US, messageId);
        command.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, withDataset ? Dimse.DATA_SET_PRESENT : Dimse.NO_DATA_SET);
        return command;
    }

    private DimseMessage receive() throws IOException {
        try {
            while (received.isEmpty()) {
                Pdu pdu = association.next();
                if (pdu instanceof Pdu.PData data) {
                    received.addAll(assembler.accept(data));
                } else if (pdu instanceof Pdu.Abort abort) {
                    throw new IOException("Association interrompue par le pair (A-ABORT source " + abort.source()
                            + ", motif " + abort.reason() + ")");
                } else {
                    throw new IOException("PDU inattendue : " + pdu);
                }
            }
            return received.pollFirst();
        } catch (PduFormatException e) {
            throw new IOException("Réponse illisible : " + e.getMessage(), e);
        }
    }

    public void release() throws IOException {
        association.release();
    }

    @Override
    public void close() {
        try {
            release();
        } catch (IOException e) {
            association.closeAbruptly();
        }
    }
}
