package fr.opaline.hl7.sent;

import static fr.opaline.core.persistence.generated.Tables.HL7_BUSINESS_ACK;
import static fr.opaline.core.persistence.generated.Tables.HL7_SENT_MESSAGE;

import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What Opaline sent by HL7 and what came back: the technical ACK of each message and the
 * business acknowledgements (ZAM) that later refer to it by control id.
 */
public final class SentMessageLog {

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public SentMessageLog(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** A sent message and its technical acknowledgement. */
    public record Sent(String controlId, String destination, String messageType, String documentUid, UUID patientId,
                       String ackCode, String ackDetail) {
    }

    /** A business acknowledgement (DMP reception, MSSanté reception or reading). */
    public record BusinessAck(String sentControlId, String kind, boolean success, String recipient, String errorCode,
                              String errorText) {
    }

    /** Records an attempt (the same control id on every attempt of one job: one row). */
    public void recordSent(UUID jobId, String destination, String controlId, String messageType, String documentUid,
                           UUID patientId, String ackCode, String ackDetail) {
        database.inTransactionRun(ctx -> {
            int updated = ctx.update(HL7_SENT_MESSAGE)
                    .set(HL7_SENT_MESSAGE.SENT_AT, clock.instant())
                    .set(HL7_SENT_MESSAGE.ACK_CODE, ackCode)
                    .set(HL7_SENT_MESSAGE.ACK_DETAIL, cut(ackDetail))
                    .where(HL7_SENT_MESSAGE.CONTROL_ID.eq(controlId)).execute();
            if (updated == 0) {
                ctx.insertInto(HL7_SENT_MESSAGE)
                        .set(HL7_SENT_MESSAGE.ID, ids.newId())
                        .set(HL7_SENT_MESSAGE.OUTBOX_JOB_ID, jobId)
                        .set(HL7_SENT_MESSAGE.DESTINATION, destination)
                        .set(HL7_SENT_MESSAGE.CONTROL_ID, controlId)
                        .set(HL7_SENT_MESSAGE.MESSAGE_TYPE, messageType)
                        .set(HL7_SENT_MESSAGE.DOCUMENT_UID, documentUid)
                        .set(HL7_SENT_MESSAGE.PATIENT_ID, patientId)
                        .set(HL7_SENT_MESSAGE.SENT_AT, clock.instant())
                        .set(HL7_SENT_MESSAGE.ACK_CODE, ackCode)
                        .set(HL7_SENT_MESSAGE.ACK_DETAIL, cut(ackDetail))
                        .execute();
            }
        });
    }

    public Optional<Sent> find(String controlId) {
        return database.dsl().selectFrom(HL7_SENT_MESSAGE).where(HL7_SENT_MESSAGE.CONTROL_ID.eq(controlId))
                .fetchOptional(r -> new Sent(r.getControlId(), r.getDestination(), r.getMessageType(), r.getDocumentUid(),
                        r.getPatientId(), r.getAckCode(), r.getAckDetail()));
    }

    public List<Sent> forDocument(String documentUid) {
        return database.dsl().selectFrom(HL7_SENT_MESSAGE).where(HL7_SENT_MESSAGE.DOCUMENT_UID.eq(documentUid))
                .orderBy(HL7_SENT_MESSAGE.SENT_AT)
                .fetch(r -> new Sent(r.getControlId(), r.getDestination(), r.getMessageType(), r.getDocumentUid(),
                        r.getPatientId(), r.getAckCode(), r.getAckDetail()));
    }

    public void recordBusinessAck(DSLContext ctx, UUID messageId, BusinessAck ack) {
        ctx.insertInto(HL7_BUSINESS_ACK)
                .set(HL7_BUSINESS_ACK.ID, ids.newId())
                .set(HL7_BUSINESS_ACK.HL7_MESSAGE_ID, messageId)
                .set(HL7_BUSINESS_ACK.SENT_CONTROL_ID, ack.sentControlId())
                .set(HL7_BUSINESS_ACK.KIND, ack.kind())
                .set(HL7_BUSINESS_ACK.SUCCESS, ack.success())
                .set(HL7_BUSINESS_ACK.RECIPIENT, ack.recipient())
                .set(HL7_BUSINESS_ACK.ERROR_CODE, ack.errorCode())
                .set(HL7_BUSINESS_ACK.ERROR_TEXT, ack.errorText())
                .set(HL7_BUSINESS_ACK.RECEIVED_AT, clock.instant())
                .execute();
    }

    public List<BusinessAck> businessAcks(String sentControlId) {
        return database.dsl().selectFrom(HL7_BUSINESS_ACK).where(HL7_BUSINESS_ACK.SENT_CONTROL_ID.eq(sentControlId))
                .orderBy(HL7_BUSINESS_ACK.RECEIVED_AT)
                .fetch(r -> new BusinessAck(r.getSentControlId(), r.getKind(), r.getSuccess(), r.getRecipient(),
                        r.getErrorCode(), r.getErrorText()));
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1990 ? s : s.substring(0, 1990);
    }
}
