package fr.opaline.worklist.dimse;

import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;

/** A DIMSE message: its presentation context, command set and, when it has one, encoded data set. */
public record DimseMessage(int contextId, Attributes command, byte[] dataset) {

    public int commandField() {
        return command.getInt(Tags.COMMAND_FIELD, -1);
    }

    public int messageId() {
        return command.getInt(Tags.MESSAGE_ID, -1);
    }

    public int messageIdBeingRespondedTo() {
        return command.getInt(Tags.MESSAGE_ID_BEING_RESPONDED_TO, -1);
    }

    public int status() {
        return command.getInt(Tags.STATUS, -1);
    }

    public String affectedSopClass() {
        return command.getFirstValue(Tags.AFFECTED_SOP_CLASS_UID);
    }

    /** Whether the command announces a data set (PS3.7 E.1: any value but 0101H). */
    public boolean announcesDataset() {
        return command.getInt(Tags.COMMAND_DATA_SET_TYPE, Dimse.NO_DATA_SET) != Dimse.NO_DATA_SET;
    }

    /** A response command to a request. */
    static Attributes response(DimseMessage request, int status, boolean withDataset, String errorComment) {
        Attributes rsp = new Attributes();
        String sopClass = request.affectedSopClass();
        if (sopClass != null) {
            rsp.setString(Tags.AFFECTED_SOP_CLASS_UID, Vr.UI, sopClass);
        }
        rsp.setInt(Tags.COMMAND_FIELD, Vr.US, request.commandField() | Dimse.RESPONSE_BIT);
        rsp.setInt(Tags.MESSAGE_ID_BEING_RESPONDED_TO, Vr.US, request.messageId());
        rsp.setInt(Tags.COMMAND_DATA_SET_TYPE, Vr.US, withDataset ? Dimse.DATA_SET_PRESENT : Dimse.NO_DATA_SET);
        rsp.setInt(Tags.STATUS, Vr.US, status);
        if (errorComment != null) {
            String ascii = DicomCharset.DEFAULT.fit(errorComment);
            rsp.setString(Tags.ERROR_COMMENT, Vr.LO, ascii.length() > 64 ? ascii.substring(0, 64) : ascii);
        }
        return rsp;
    }
}
