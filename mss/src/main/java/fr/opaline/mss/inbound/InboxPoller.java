package fr.opaline.mss.inbound;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.persistence.Database;
import fr.opaline.documents.xdm.XdmException;
import fr.opaline.documents.xdm.XdmReader;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.trace.TraceStep;
import fr.opaline.mss.transport.ImapConnection;
import fr.opaline.mss.transport.MailTransportException;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the BAL applicative over IMAP: each unseen message is taken once (unique Message-ID per
 * mailbox, kept whole), delivery and read reports update the messages Opaline sent, and the CDA of
 * each IHE_XDM.zip attachment (read by the hardened {@link XdmReader}) goes to
 * {@link InboundIntegration}. A hostile or unreadable attachment is refused as a whole (nothing
 * integrated) and, like a document left in the worklist, answered by an MDN through the outbox.
 * The message is flagged \Seen once its row is committed.
 */
public final class InboxPoller implements ManagedService {

    private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);
    private static final Actor ACTOR = Actor.system("mss-reception");
    private static final int MAX_MESSAGE_BYTES = 60 << 20;

    /** What one poll did. */
    public record Poll(int messages, int integrated, int worklisted, int refused, int reports) {
    }

    private final Database database;
    private final ImapConnection imap;
    private final String mailbox;
    private final InboundIntegration integration;
    private final Outbox outbox;
    private final MssTrace trace;
    private final XdmReader xdm;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    public InboxPoller(Database database, ImapConnection imap, String mailbox, InboundIntegration integration, Outbox outbox,
                       MssTrace trace, XdmReader xdm, IdGenerator ids, Clock clock, Duration every) {
        this.database = database;
        this.imap = imap;
        this.mailbox = mailbox;
        this.integration = integration;
        this.outbox = outbox;
        this.trace = trace;
        this.xdm = xdm;
        this.ids = ids;
        this.clock = clock;
        this.every = every;
    }

    @Override
    public String name() {
        return "mss-inbox " + mailbox;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mss-inbox");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                pollOnce();
            } catch (MailTransportException e) {
                LOG.warn("BAL {} : {}", mailbox, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("BAL {} : relève en échec", mailbox, e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler.shutdownNow();
        }
        imap.close();
    }

    /** Takes every unseen message of the inbox. */
    public Poll pollOnce() {
        return imap.withInbox(inbox -> {
            int[] counts = new int[5];
            for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                counts[0]++;
                try {
                    take((MimeMessage) message, counts);
                    message.setFlag(Flags.Flag.SEEN, true);
                } catch (RuntimeException e) {
                    // left unseen: taken again at the next poll, the others go on meanwhile
                    LOG.error("BAL {} : message non pris, nouvel essai à la prochaine relève", mailbox, e);
                }
            }
            if (counts[2] > 0) {
                integration.announceArrivals(); // committed: the desktops may read the worklist
            }
            return new Poll(counts[0], counts[1], counts[2], counts[3], counts[4]);
        });
    }

    private void take(MimeMessage message, int[] counts) throws MessagingException {
        byte[] raw;
        try {
            raw = bounded(message);
        } catch (IOException e) {
            raw = null;
        }
        String messageId = message.getMessageID();
        if (messageId == null) {
            messageId = "<sans-id." + (raw == null ? UUID.randomUUID().toString() : HexFormat.of().formatHex(raw, 0,
                    Math.min(raw.length, 16))) + "@" + mailbox + ">";
        }
        ReceivedMessages.Received row = new ReceivedMessages.Received(ids.newId(), mailbox, messageId,
                first(message.getFrom()), first(message.getReplyTo()), header(message, "Disposition-Notification-To"),
                message.getSubject(), ReceivedMessages.Outcome.TRAITE, null, raw);
        MssTrace.At at = new MssTrace.At(mailbox, messageId, null, null);
        byte[] kept = raw;
        String id = messageId;
        java.time.Instant sentAt = message.getSentDate() == null ? null : message.getSentDate().toInstant();
        database.inTransactionRun(ctx -> {
            if (!new ReceivedMessages(ctx).insertIfAbsent(row, sentAt, clock.instant())) {
                return;
            }
            ReceivedMessages rows = new ReceivedMessages(ctx);
            if (kept == null) {
                refuse(ctx, rows, row, at, "Message refusé : plus de " + (MAX_MESSAGE_BYTES >> 20) + " Mo.", counts);
                return;
            }
            try {
                if (ReceiptReports.isReport(message)) {
                    var applied = ReceiptReports.apply(ctx, message, trace, clock, mailbox);
                    rows.outcome(row.id(), ReceivedMessages.Outcome.ACCUSE, applied.orElse("Rapport sans message connu"));
                    counts[4]++;
                    return;
                }
                trace.record(ctx, TraceStep.RECEIVED, at, ACTOR, "de " + row.sender() + " : " + row.subject());
                List<byte[]> zips = new ArrayList<>();
                attachments(message, zips, 0);
                if (zips.isEmpty()) {
                    rows.outcome(row.id(), ReceivedMessages.Outcome.IGNORE, "Pas d'archive IHE_XDM.zip");
                    trace.record(ctx, TraceStep.IGNORED, at, ACTOR, "Pas d'archive IHE_XDM.zip en pièce jointe");
                    return;
                }
                List<XdmReader.Document> documents = new ArrayList<>();
                for (byte[] zip : zips) {
                    documents.addAll(xdm.read(zip).cdaDocuments());
                }
                trace.record(ctx, TraceStep.XDM_EXTRACTED, at, ACTOR, documents.size() + " document(s) CDA");
                List<String> problems = new ArrayList<>();
                for (XdmReader.Document d : documents) {
                    InboundDocument result = integration.receive(ctx, row.id(), InboundDocument.SOURCE_MSSANTE, d.content(),
                            d.deletionRequested(), at, ACTOR);
                    switch (result.status()) {
                        case INTEGRE -> counts[1]++;
                        case A_TRAITER -> {
                            counts[2]++;
                            problems.add(result.errorCode() + " " + result.errorLabel() + " (document mis en attente "
                                    + "d'intégration manuelle)");
                        }
                        case REJETE -> {
                            counts[3]++;
                            problems.add(result.errorLabel());
                        }
                    }
                }
                if (!problems.isEmpty()) {
                    queueMdn(ctx, row, at, String.join(" ; ", problems));
                }
            } catch (XdmException e) {
                refuse(ctx, rows, row, at, e.getMessage(), counts);
            } catch (IOException | MessagingException e) {
                refuse(ctx, rows, row, at, "Message illisible : " + e.getMessage(), counts);
            }
        });
        LOG.debug("BAL {} : message {} pris", mailbox, id);
    }

    private void refuse(org.jooq.DSLContext ctx, ReceivedMessages rows, ReceivedMessages.Received row, MssTrace.At at,
                        String reason, int[] counts) {
        counts[3]++;
        rows.outcome(row.id(), ReceivedMessages.Outcome.REFUSE, reason);
        trace.record(ctx, TraceStep.REFUSED, at, ACTOR, reason);
        queueMdn(ctx, row, at, reason);
    }

    private void queueMdn(org.jooq.DSLContext ctx, ReceivedMessages.Received row, MssTrace.At at, String reason) {
        outbox.enqueue(ctx, new MdnJob(row.id(), reason).request(null), ACTOR);
        trace.record(ctx, TraceStep.MDN_QUEUED, at, ACTOR, reason);
    }

    /** The zip attachments, nested multiparts included (at most a few levels deep). */
    private static void attachments(Part part, List<byte[]> zips, int depth) throws MessagingException, IOException {
        if (depth > 5) {
            throw new XdmException("Message refusé : structure MIME trop imbriquée.");
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                attachments(multipart.getBodyPart(i), zips, depth + 1);
            }
            return;
        }
        String name = part.getFileName() == null ? "" : part.getFileName().toLowerCase(Locale.ROOT);
        if (part.isMimeType("application/zip") || part.isMimeType("application/x-zip-compressed") || name.endsWith(".zip")) {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_MESSAGE_BYTES + 1);
                if (bytes.length > MAX_MESSAGE_BYTES) {
                    throw new XdmException("Pièce jointe refusée : plus de " + (MAX_MESSAGE_BYTES >> 20) + " Mo.");
                }
                zips.add(bytes);
            }
        }
    }

    private static byte[] bounded(MimeMessage message) throws IOException, MessagingException {
        if (message.getSize() > MAX_MESSAGE_BYTES) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static String first(Address[] addresses) {
        return addresses == null || addresses.length == 0 ? null
                : addresses[0] instanceof InternetAddress ia ? ia.getAddress() : addresses[0].toString();
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        if (values == null || values.length == 0) {
            return null;
        }
        try {
            return InternetAddress.parse(values[0])[0].getAddress();
        } catch (MessagingException e) {
            return null;
        }
    }
}
