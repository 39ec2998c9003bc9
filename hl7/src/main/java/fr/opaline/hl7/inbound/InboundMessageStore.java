package fr.opaline.hl7.inbound;

import static fr.opaline.core.persistence.generated.Tables.HL7_MESSAGE;

import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.Hl7MessageRecord;
import fr.opaline.hl7.message.MshHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The log of received messages: each is written (committed) before it is acknowledged, then its
 * outcome and ACK are recorded. The duplicate key is the sender, the control id and the SHA-256 of
 * the content: the same message sent again finds its row.
 */
public final class InboundMessageStore {

    private static final int MAX_DETAIL = 1990;

    private final Database database;
    private final IdGenerator ids;
    private final Clock clock;

    public InboundMessageStore(Database database, IdGenerator ids, Clock clock) {
        this.database = database;
        this.ids = ids;
        this.clock = clock;
    }

    /** Result of {@link #store}: the row, and whether it was already there. */
    public record Stored(StoredMessage message, boolean duplicate) {
    }

    /** Writes a received message (or finds it again when it is a resend of one already stored). */
    public Stored store(String listener, String remote, MshHeader header, String charset, byte[] content) {
        String key = header == null || header.controlId().isEmpty() ? null : dedupKey(header, content);
        return database.inTransaction(ctx -> {
            if (key != null) {
                Optional<StoredMessage> existing = ctx.selectFrom(HL7_MESSAGE).where(HL7_MESSAGE.DEDUP_KEY.eq(key))
                        .forUpdate().fetchOptional(InboundMessageStore::toDomain);
                if (existing.isPresent()) {
                    return new Stored(existing.get(), true);
                }
            }
            Hl7MessageRecord r = newRow(ctx, listener, remote, header, charset);
            r.setDedupKey(key);
            r.setContent(content);
            r.setContentSize(content.length);
            r.setState(StoredMessage.RECEIVED);
            ctx.executeInsert(r);
            return new Stored(toDomain(r), false);
        });
    }

    /** Stores a message already refused (oversized, unreadable): kept for the trace with its answer. */
    public StoredMessage storeRefused(String listener, String remote, MshHeader header, String charset, byte[] content,
                                      int size, String ackCode, String detail, byte[] ack) {
        return database.inTransaction(ctx -> {
            Hl7MessageRecord r = newRow(ctx, listener, remote, header, charset);
            r.setContent(content);
            r.setContentSize(size);
            r.setState(StoredMessage.REJECTED);
            r.setAckCode(ackCode);
            r.setErrorDetail(cut(detail, MAX_DETAIL));
            r.setAckContent(ack);
            r.setProcessedAt(clock.instant());
            ctx.executeInsert(r);
            return toDomain(r);
        });
    }

    private Hl7MessageRecord newRow(org.jooq.DSLContext ctx, String listener, String remote, MshHeader header,
                                    String charset) {
        Hl7MessageRecord r = ctx.newRecord(HL7_MESSAGE);
        r.setId(ids.newId());
        r.setReceivedAt(clock.instant());
        r.setListener(listener);
        r.setRemoteAddress(cut(remote, 100));
        if (header != null) {
            r.setSendingApplication(cut(header.sendingApplication(), 200));
            r.setSendingFacility(cut(header.sendingFacility(), 200));
            r.setControlId(cut(header.controlId(), 200));
            r.setMessageType(cut(header.typeAndEvent(), 40));
            r.setHl7Version(cut(header.version(), 10));
        }
        r.setCharset(cut(charset, 20));
        return r;
    }

    public void recordOutcome(UUID id, String state, String ackCode, String detail, byte[] ack, UUID patientId) {
        database.inTransactionRun(ctx -> ctx.update(HL7_MESSAGE)
                .set(HL7_MESSAGE.STATE, state)
                .set(HL7_MESSAGE.ACK_CODE, ackCode)
                .set(HL7_MESSAGE.ERROR_DETAIL, cut(detail, MAX_DETAIL))
                .set(HL7_MESSAGE.ACK_CONTENT, ack)
                .set(HL7_MESSAGE.PATIENT_ID, patientId)
                .set(HL7_MESSAGE.PROCESSED_AT, clock.instant())
                .where(HL7_MESSAGE.ID.eq(id)).execute());
    }

    public Optional<StoredMessage> find(UUID id) {
        return database.dsl().selectFrom(HL7_MESSAGE).where(HL7_MESSAGE.ID.eq(id))
                .fetchOptional(InboundMessageStore::toDomain);
    }

    /** The most recent messages, newest first (for inspection and the tests). */
    public List<StoredMessage> recent(int limit) {
        return database.dsl().selectFrom(HL7_MESSAGE).orderBy(HL7_MESSAGE.RECEIVED_AT.desc(), HL7_MESSAGE.ID.desc())
                .limit(limit).fetch(InboundMessageStore::toDomain);
    }

    public int count() {
        return database.dsl().fetchCount(HL7_MESSAGE);
    }

    static String dedupKey(MshHeader h, byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            String sender = cut(h.sendingApplication(), 80) + "|" + cut(h.sendingFacility(), 80);
            return sender + "|" + cut(h.controlId(), 150) + "|" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    static StoredMessage toDomain(Hl7MessageRecord r) {
        return new StoredMessage(r.getId(), r.getReceivedAt(), r.getListener(), r.getRemoteAddress(),
                r.getSendingApplication(), r.getSendingFacility(), r.getControlId(), r.getMessageType(),
                r.getHl7Version(), r.getCharset(), r.getContent(), r.getContentSize(), r.getState(), r.getAckCode(),
                r.getErrorDetail(), r.getAckContent(), r.getPatientId(), r.getProcessedAt());
    }

    /** The stored content as text in the character set it was decoded with. */
    public static String text(StoredMessage m) {
        java.nio.charset.Charset charset;
        try {
            charset = m.charset() == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(m.charset());
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.ISO_8859_1;
        }
        return new String(m.content(), charset);
    }
}
