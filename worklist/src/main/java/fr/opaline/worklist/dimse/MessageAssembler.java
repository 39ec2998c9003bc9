package fr.opaline.worklist.dimse;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DatasetReader;
import fr.opaline.worklist.data.DicomFormatException;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.net.Pdu.Abort;
import fr.opaline.worklist.net.Pdu.PData;
import fr.opaline.worklist.net.Pdu.Pdv;
import fr.opaline.worklist.net.PduFormatException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds DIMSE messages from PDV fragments (PS3.8 annex E): command fragments up to the last
 * one, then data set fragments if the command announces a data set, all on one presentation
 * context. Out-of-order fragments, a command that does not decode, or a message above the size
 * limits are protocol errors (the association is aborted).
 */
public final class MessageAssembler {

    /** Command sets are a few hundred bytes; this is generous. */
    static final int MAX_COMMAND_BYTES = 64 * 1024;

    private final int maxDatasetBytes;
    private final ByteArrayOutputStream command = new ByteArrayOutputStream();
    private final ByteArrayOutputStream dataset = new ByteArrayOutputStream();
    private int contextId = -1;
    private Attributes pendingCommand;

    public MessageAssembler(int maxDatasetBytes) {
        this.maxDatasetBytes = maxDatasetBytes;
    }

    public List<DimseMessage> accept(PData data) throws PduFormatException {
        List<DimseMessage> complete = new ArrayList<>();
        for (Pdv pdv : data.values()) {
            if (contextId >= 0 && pdv.contextId() != contextId) {
                throw protocol("Fragment sur le contexte " + pdv.contextId() + " au milieu d'un message du contexte "
                        + contextId);
            }
            contextId = pdv.contextId();
            if (pdv.command()) {
                if (pendingCommand != null) {
                    throw protocol("Fragment de commande alors que le data set était attendu");
                }
                append(command, pdv.data(), MAX_COMMAND_BYTES, "commande");
                if (pdv.last()) {
                    pendingCommand = decodeCommand(command.toByteArray());
                    command.reset();
                    DimseMessage message = new DimseMessage(contextId, pendingCommand, null);
                    if (!message.announcesDataset()) {
                        complete.add(message);
                        reset();
                    }
                }
            } else {
                if (pendingCommand == null) {
                    throw protocol("Fragment de data set avant la fin de la commande");
                }
                append(dataset, pdv.data(), maxDatasetBytes, "data set");
                if (pdv.last()) {
                    complete.add(new DimseMessage(contextId, pendingCommand, dataset.toByteArray()));
                    reset();
                }
            }
        }
        return complete;
    }

    private void reset() {
        pendingCommand = null;
        contextId = -1;
        command.reset();
        dataset.reset();
    }

    private static void append(ByteArrayOutputStream buffer, byte[] fragment, int limit, String what)
            throws PduFormatException {
        if ((long) buffer.size() + fragment.length > limit) {
            throw new PduFormatException("Message DIMSE trop long (" + what + " au-delà de " + limit + " octets)",
                    Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        buffer.writeBytes(fragment);
    }

    private static Attributes decodeCommand(byte[] bytes) throws PduFormatException {
        try {
            Attributes command = DatasetReader.read(bytes, false);
            if (command.getInt(Tags.COMMAND_FIELD, -1) < 0) {
                throw new PduFormatException("Commande DIMSE sans champ Command Field",
                        Abort.INVALID_PDU_PARAMETER_VALUE);
            }
            return command;
        } catch (DicomFormatException e) {
            throw new PduFormatException("Commande DIMSE illisible : " + e.getMessage(), Abort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    private static PduFormatException protocol(String message) {
        return new PduFormatException(message, Abort.UNEXPECTED_PDU_PARAMETER);
    }
}
