package fr.opaline.hl7.sent;

import ca.uhn.hl7v2.model.Segment;
import fr.opaline.core.persistence.Database;
import fr.opaline.hl7.inbound.InboundHandler;
import fr.opaline.hl7.inbound.InboundMessage;
import fr.opaline.hl7.inbound.InboundOutcome;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.message.Segments;
import java.util.List;
import java.util.Set;

/**
 * Business acknowledgements from the PFI (ZAM^Z01 DMP reception, Z02 MSSanté reception, Z03
 * MSSanté reading; HL7 v2.6, CI-SIS "Transmission de documents CDA en HL7v2"): each is recorded
 * against the message it refers to (OBX-4 = our control id), with the recipient and the error.
 */
public final class BusinessAckHandler implements InboundHandler {

    private final Database database;
    private final SentMessageLog log;

    public BusinessAckHandler(Database database, SentMessageLog log) {
        this.database = database;
        this.log = log;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("ZAM");
    }

    @Override
    public boolean handles(MshHeader header) {
        return header.messageType().equals("ZAM") && Set.of("Z01", "Z02", "Z03").contains(header.triggerEvent());
    }

    @Override
    public InboundOutcome handle(InboundMessage m) {
        List<Segment> obx = Segments.named(m.message(), "OBX");
        if (obx.isEmpty() || Segments.get(obx.get(0), 4, 1) == null) {
            return InboundOutcome.error(null, Hl7Error.of(Hl7Error.REQUIRED_FIELD_MISSING,
                    "OBX-4 (identifiant du message acquitté) absent").at("OBX", 1, 4));
        }
        String kind = Segments.get(obx.get(0), 3, 1);
        String sentId = Segments.get(obx.get(0), 4, 1);
        boolean success = "Y".equals(Segments.get(obx.get(0), 5, 1));
        String recipient = obx.size() > 1 ? Segments.get(obx.get(1), 5, 4) : null;
        List<Segment> err = Segments.named(m.message(), "ERR");
        String code = err.isEmpty() ? null : Segments.get(err.get(0), 5, 1);
        String text = err.isEmpty() ? null : Segments.get(err.get(0), 5, 2);
        var sent = log.find(sentId);
        database.inTransactionRun(ctx -> log.recordBusinessAck(ctx, m.id(),
                new SentMessageLog.BusinessAck(sentId, kind == null ? m.header().triggerEvent() : kind, success,
                        recipient, code, text)));
        return InboundOutcome.accepted(sent.map(SentMessageLog.Sent::patientId).orElse(null),
                (success ? "Accusé métier positif " : "Accusé métier négatif ") + kind + " pour " + sentId
                        + (sent.isEmpty() ? " (message inconnu)" : ""));
    }
}
