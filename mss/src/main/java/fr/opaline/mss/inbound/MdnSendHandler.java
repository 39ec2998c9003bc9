package fr.opaline.mss.inbound;

import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.persistence.Database;
import fr.opaline.mss.outbound.SenderAccess;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.trace.TraceStep;
import fr.opaline.mss.transport.MailAccess;
import fr.opaline.mss.transport.MailTransportException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Date;
import java.util.Enumeration;
import org.eclipse.angus.mail.dsn.DispositionNotification;
import org.eclipse.angus.mail.dsn.MultipartReport;

/**
 * Sends the MDN (RFC 8098, « processed/error ») telling the sender of a received message that
 * its document could not be integrated automatically, to the Disposition-Notification-To address,
 * else the Reply-To, else the sender. Its Message-ID is fixed by the received message, so a retry
 * does not make a second one.
 */
public final class MdnSendHandler implements JobHandler {

    private static final Actor ACTOR = Actor.system("mss-reception");

    private final Database database;
    private final SenderAccess senders;
    private final MssTrace trace;
    private final Clock clock;

    public MdnSendHandler(Database database, SenderAccess senders, MssTrace trace, Clock clock) {
        this.database = database;
        this.senders = senders;
        this.trace = trace;
        this.clock = clock;
    }

    @Override
    public String type() {
        return MdnJob.TYPE;
    }

    @Override
    public JobOutcome handle(OutboxJob job) throws Exception {
        MdnJob payload = MdnJob.parse(job.payload());
        ReceivedMessages.Received r = new ReceivedMessages(database.dsl()).find(payload.receivedMessage()).orElse(null);
        if (r == null) {
            return JobOutcome.failed("Message reçu introuvable (" + payload.receivedMessage() + ").");
        }
        String to = r.dispositionTo() != null ? r.dispositionTo() : r.replyTo() != null ? r.replyTo() : r.sender();
        if (to == null) {
            return JobOutcome.failed("Message reçu sans adresse de retour : pas d'accusé possible.");
        }
        MssTrace.At at = new MssTrace.At(r.mailbox(), r.messageId(), null, null);
        try {
            MailAccess access = senders.forAddress(r.mailbox());
            access.send(build(access, r, to, payload.reason(), payload.document()));
        } catch (MailTransportException e) {
            if (e.permanent()) {
                return JobOutcome.failed(e.getMessage());
            }
            return JobOutcome.retry(e.getMessage());
        }
        trace.record(TraceStep.MDN_SENT, at, ACTOR, "à " + to + " : " + payload.reason());
        return JobOutcome.done();
    }

    private MimeMessage build(MailAccess access, ReceivedMessages.Received r, String to, String reason,
                              java.util.UUID document)
            throws MessagingException {
        MimeMessage original = new MimeMessage(access.session(), new ByteArrayInputStream(r.raw()));
        DispositionNotification notification = new DispositionNotification();
        InternetHeaders fields = notification.getNotifications();
        fields.addHeader("Reporting-UA", "Opaline");
        fields.addHeader("Final-Recipient", "rfc822; " + r.mailbox());
        fields.addHeader("Original-Message-ID", r.messageId());
        fields.addHeader("Disposition", "automatic-action/MDN-sent-automatically; processed/error");
        fields.addHeader("Error", reason.replaceAll("[\r\n]+", " "));
        InternetHeaders headers = new InternetHeaders();
        Enumeration<jakarta.mail.Header> all = original.getAllHeaders();
        while (all.hasMoreElements()) {
            jakarta.mail.Header h = all.nextElement();
            headers.addHeader(h.getName(), h.getValue());
        }
        MultipartReport report = new MultipartReport("Le document reçu dans le message « " + r.subject()
                + " » n'a pas pu être intégré automatiquement : " + reason, notification, headers);
        // One Message-ID per MDN: the reception's, or a user's rejection of one of its documents.
        String id = (document == null ? "" : document + ".") + r.messageId().replaceAll("[<>]", "");
        MimeMessage mdn = new MimeMessage(access.session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<mdn." + Integer.toHexString(id.hashCode()) + "." + id + ">");
            }
        };
        mdn.setFrom(new InternetAddress(r.mailbox()));
        mdn.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mdn.setSubject("Accusé de traitement (échec) : " + (r.subject() == null ? "" : r.subject()), "UTF-8");
        mdn.setSentDate(Date.from(clock.instant()));
        mdn.setContent(report);
        mdn.saveChanges();
        return mdn;
    }
}
