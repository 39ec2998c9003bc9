package fr.opaline.mss.inbound;

import static fr.opaline.core.persistence.generated.Tables.MSS_RECEIVED_MESSAGE;

import fr.opaline.core.persistence.generated.tables.records.MssReceivedMessageRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The {@code mss_received_message} rows: each message taken from the BAL applicative, once. */
public final class ReceivedMessages {

    /** What was done with a message. */
    public enum Outcome { TRAITE, REFUSE, ACCUSE, IGNORE }

    public record Received(UUID id, String mailbox, String messageId, String sender, String replyTo, String dispositionTo,
                           String subject, Outcome outcome, String detail, byte[] raw) {
    }

    private final DSLContext ctx;

    public ReceivedMessages(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** False when this mailbox already took this Message-ID (a message seen again after a crash). */
    public boolean insertIfAbsent(Received m, Instant sentAt, Instant receivedAt) {
        return ctx.insertInto(MSS_RECEIVED_MESSAGE)
                .set(MSS_RECEIVED_MESSAGE.ID, m.id()).set(MSS_RECEIVED_MESSAGE.MAILBOX, m.mailbox())
                .set(MSS_RECEIVED_MESSAGE.MESSAGE_ID, cut(m.messageId(), 250)).set(MSS_RECEIVED_MESSAGE.SENDER, cut(m.sender(), 254))
                .set(MSS_RECEIVED_MESSAGE.REPLY_TO, cut(m.replyTo(), 254))
                .set(MSS_RECEIVED_MESSAGE.DISPOSITION_TO, cut(m.dispositionTo(), 254))
                .set(MSS_RECEIVED_MESSAGE.SUBJECT, cut(m.subject(), 500)).set(MSS_RECEIVED_MESSAGE.SENT_AT, sentAt)
                .set(MSS_RECEIVED_MESSAGE.RECEIVED_AT, receivedAt).set(MSS_RECEIVED_MESSAGE.OUTCOME, m.outcome().name())
                .set(MSS_RECEIVED_MESSAGE.DETAIL, cut(m.detail(), 2000)).set(MSS_RECEIVED_MESSAGE.RAW_MESSAGE, m.raw())
                .onConflictDoNothing().execute() == 1;
    }

    public void outcome(UUID id, Outcome outcome, String detail) {
        ctx.update(MSS_RECEIVED_MESSAGE).set(MSS_RECEIVED_MESSAGE.OUTCOME, outcome.name())
                .set(MSS_RECEIVED_MESSAGE.DETAIL, cut(detail, 2000)).where(MSS_RECEIVED_MESSAGE.ID.eq(id)).execute();
    }

    public Optional<Received> find(UUID id) {
        return ctx.selectFrom(MSS_RECEIVED_MESSAGE).where(MSS_RECEIVED_MESSAGE.ID.eq(id)).fetchOptional(ReceivedMessages::toDomain);
    }

    private static Received toDomain(MssReceivedMessageRecord r) {
        return new Received(r.getId(), r.getMailbox(), r.getMessageId(), r.getSender(), r.getReplyTo(), r.getDispositionTo(),
                r.getSubject(), Outcome.valueOf(r.getOutcome()), r.getDetail(), r.getRawMessage());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
