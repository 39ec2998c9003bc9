package fr.opaline.hl7.lps;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.message.ReceivedPid;
import fr.opaline.hl7.message.Segments;
import fr.opaline.hl7.transmission.DocumentAction;
import fr.opaline.hl7.transmission.DocumentMetadata;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ORU or MDM carrying a CDA document, read whatever its version: the request (MDM event, ORC-1
 * and the document OBX-11, which must agree), the CDA (first OBX of type ED, base64), TXA-12/13,
 * the patient and the metadata flags.
 */
public record ReceivedDocumentMessage(DocumentAction action, byte[] cda, String replacedUid, ReceivedPid pid,
                                      DocumentMetadata metadata, Hl7Error error) {

    public static ReceivedDocumentMessage read(MshHeader header, Message message) {
        List<Segment> pids = Segments.named(message, "PID");
        if (pids.isEmpty()) {
            return failed(Hl7Error.of(Hl7Error.SEGMENT_SEQUENCE, "Segment PID absent").at("PID", 1, 0));
        }
        ReceivedPid pid = ReceivedPid.read(pids.get(0));
        List<Segment> orcs = Segments.named(message, "ORC");
        DocumentAction byOrc = orcs.isEmpty() ? null : DocumentAction.fromOrderControl(Segments.get(orcs.get(0), 1, 1));
        DocumentAction action = header.messageType().equals("MDM") ? DocumentAction.fromMdmEvent(header.triggerEvent())
                : byOrc;
        byte[] cda = null;
        String status = null;
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (Segment obx : Segments.named(message, "OBX")) {
            String type = Segments.get(obx, 2, 1);
            String code = Segments.get(obx, 3, 1);
            if (cda == null && "ED".equals(type) && "Base64".equalsIgnoreCase(Segments.get(obx, 5, 4))
                    && "XML".equalsIgnoreCase(Segments.get(obx, 5, 3))) {
                try {
                    cda = Base64.getMimeDecoder().decode(Segments.get(obx, 5, 5));
                } catch (IllegalArgumentException | NullPointerException e) {
                    return failed(Hl7Error.of(Hl7Error.DATA_TYPE_ERROR, "Document en base64 illisible").at("OBX", 1, 5));
                }
                status = Segments.get(obx, 11, 1);
            } else if (code != null && DocumentMetadata.LABELS.containsKey(code)) {
                flags.put(code, "Y".equals(Segments.get(obx, 5, 1)));
            }
        }
        if (cda == null) {
            return failed(Hl7Error.of(Hl7Error.REQUIRED_FIELD_MISSING, "Document CDA absent (OBX de type ED en base64)")
                    .at("OBX", 1, 5));
        }
        if (action == null || (byOrc != null && byOrc != action) || (status != null && !status.equals(action.resultStatus()))) {
            return failed(Hl7Error.of(Hl7Error.OTHER, "Demande incohérente : événement, ORC-1 et OBX-11 ne concordent pas")
                    .at("ORC", 1, 1));
        }
        String replaced = null;
        List<Segment> txa = Segments.named(message, "TXA");
        if (!txa.isEmpty()) {
            String root = Segments.get(txa.get(0), 13, 3);
            String first = Segments.get(txa.get(0), 13, 1);
            replaced = root != null ? root + "^" + first : first;
        }
        return new ReceivedDocumentMessage(action, cda, replaced, pid, DocumentMetadata.fromCodes(flags), null);
    }

    /** The message and its CDA header, or the error to acknowledge with (906 for an unreadable CDA). */
    public record WithCda(ReceivedDocumentMessage message, fr.opaline.documents.cda.CdaHeader cda, Hl7Error error) {
    }

    public static WithCda readWithCda(MshHeader header, Message message, fr.opaline.documents.cda.CdaReader reader) {
        ReceivedDocumentMessage received = read(header, message);
        if (received.error() != null) {
            return new WithCda(received, null, received.error());
        }
        try {
            return new WithCda(received, reader.read(received.cda()).header(), null);
        } catch (fr.opaline.documents.cda.CdaReadException e) {
            return new WithCda(received, null, Hl7Error.application("906", "Document CDA illisible : " + e.getMessage(),
                    InsMatch.CODE_SYSTEM).at("OBX", 1, 5));
        }
    }

    private static ReceivedDocumentMessage failed(Hl7Error e) {
        return new ReceivedDocumentMessage(null, null, null, null, null, e);
    }
}
