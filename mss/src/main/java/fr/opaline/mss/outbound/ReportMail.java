package fr.opaline.mss.outbound;

import fr.opaline.core.patient.Patient;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.documents.xdm.XdmPackage;
import fr.opaline.documents.xds.XdsMetadata;
import fr.opaline.documents.xds.XdsMetadataBuilder;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * The MSSanté message carrying a CR: the IHE XDM zip ({@code IHE_XDM.zip}, the CDA N3 with its
 * XDS metadata; extra metadata « action » = D for a deletion) and the PDF for reading, the body
 * (with the notice when the CR is invisible to the patient, SC.MSS/UX.35), the statistics headers
 * X-MSS-NIL / X-MSS-CODECDA / X-MSS-INS (SC.MSS/CONF.14–16), X-MSS-MES: FIN to close the patient
 * channel (SC.MSS/CONF.21/24), Reply-To the BAL organisationnelle, a read receipt asked of
 * professionals, and DSN (success, failure, delay) with the row id as envelope id.
 */
public final class ReportMail {

    public static final String HEADER_NIL = "X-MSS-NIL";
    public static final String HEADER_CODE_CDA = "X-MSS-CODECDA";
    public static final String HEADER_INS = "X-MSS-INS";
    public static final String HEADER_MES = "X-MSS-MES";
    public static final String XDM_FILE = "IHE_XDM.zip";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(PARIS);

    /** Everything a message needs. */
    public record Content(Purpose purpose, RecipientKind kind, String messageId, UUID envelopeId, String from,
                          String replyTo, String to, String recipientName, Patient patient, byte[] cda, byte[] pdf,
                          boolean invisibleToPatient, String statusReason, String practiceName, String sourceId,
                          String productReference, MssPracticeSettings settings, Instant now) {
    }

    private ReportMail() {
    }

    public static SMTPMessage build(Session session, Content c) throws MessagingException {
        CdaHeader header = new CdaReader().read(c.cda()).header();
        byte[] xdm = xdm(c.cda(), c.invisibleToPatient(), c.purpose() == Purpose.SUPPRESSION, c.envelopeId(), c.sourceId(), c.now());
        String title = header.title() == null ? "CR d'imagerie médicale" : header.title();
        String patientName = c.patient().traits().birthName() + " " + c.patient().displayFirstName();
        String birth = DAY.format(c.patient().traits().birthDate());

        SMTPMessage m = new FixedIdMessage(session, c.messageId());
        m.setFrom(new InternetAddress(c.from()));
        if (c.replyTo() != null) {
            m.setReplyTo(new InternetAddress[] {new InternetAddress(c.replyTo())});
        }
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(c.to()));
        m.setSentDate(Date.from(c.now()));
        m.setSubject(subject(c, title, patientName, birth), "UTF-8");
        m.setHeader(HEADER_NIL, c.productReference());
        m.setHeader(HEADER_CODE_CDA, header.code().code());
        m.setHeader(HEADER_INS, header.ins() != null && c.patient().insQualified() ? "O" : "N");
        if (c.kind() == RecipientKind.PATIENT && c.settings().closePatientChannel()) {
            m.setHeader(HEADER_MES, "FIN");
        }
        if (c.kind() == RecipientKind.PROFESSIONNEL && c.settings().askReadReceipt()) {
            m.setHeader("Disposition-Notification-To", c.from());
        }
        m.setNotifyOptions(SMTPMessage.NOTIFY_SUCCESS | SMTPMessage.NOTIFY_FAILURE | SMTPMessage.NOTIFY_DELAY);
        m.setReturnOption(SMTPMessage.RETURN_HDRS);
        m.setMailExtension("ENVID=" + c.envelopeId());

        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text(c, title, patientName, birth, header), "UTF-8");
        mixed.addBodyPart(body);
        MimeBodyPart zip = new MimeBodyPart();
        zip.setDataHandler(new DataHandler(new ByteArrayDataSource(xdm, "application/zip")));
        zip.setFileName(XDM_FILE);
        zip.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(zip);
        if (c.pdf() != null) {
            MimeBodyPart pdf = new MimeBodyPart();
            pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(c.pdf(), "application/pdf")));
            pdf.setFileName(FILE_DAY.format(header.effectiveTime() == null ? c.now() : header.effectiveTime()) + "_"
                    + title.replaceAll("[\\\\/:*?\"<>|]", " ") + "_" + c.patient().traits().birthName() + "_"
                    + c.patient().displayFirstName() + ".pdf");
            pdf.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(pdf);
        }
        m.setContent(mixed);
        m.saveChanges();
        return m;
    }

    /**
     * The IHE XDM zip of one CDA with its XDS metadata (the CI-SIS extra metadata « action » = D
     * for a deletion); the submission set's uniqueId is derived from {@code submissionId}.
     */
    public static byte[] xdm(byte[] cda, boolean invisibleToPatient, boolean deletion, UUID submissionId, String sourceId,
                             Instant now) {
        CdaHeader header = new CdaReader().read(cda).header();
        XdsMetadata metadata = XdsMetadataBuilder.from(header, cda, invisibleToPatient, false);
        String submissionUid = "2.25." + new BigInteger(1, uuidBytes(submissionId));
        return XdmPackage.write(new XdmPackage.Submission(submissionUid, sourceId,
                metadata.patientId() != null ? metadata.patientId() : metadata.sourcePatientId(), metadata.authorInstitution(),
                metadata.authorPerson(), now, metadata.title()),
                List.of(new XdmPackage.Entry(cda, metadata, deletion ? XdmPackage.ACTION_DELETE : null)));
    }

    private static String subject(Content c, String title, String patientName, String birth) {
        if (c.kind() == RecipientKind.PATIENT) {
            return switch (c.purpose()) {
                case SUPPRESSION -> "Retrait de votre compte rendu d'imagerie – " + c.practiceName();
                case REMPLACEMENT -> "Nouvelle version de votre compte rendu d'imagerie – " + c.practiceName();
                default -> "Votre compte rendu d'imagerie – " + c.practiceName();
            };
        }
        String prefix = switch (c.purpose()) {
            case SUPPRESSION -> "[Suppression] ";
            case REMPLACEMENT -> "[Mise à jour] ";
            default -> "";
        };
        return prefix + "XDM/1.0/DDM+" + title + " " + patientName + " " + birth;
    }

    private static String text(Content c, String title, String patientName, String birth, CdaHeader header) {
        StringBuilder t = new StringBuilder("Bonjour,\n\n");
        String exam = header.effectiveTime() == null ? "" : " du " + DAY.format(header.effectiveTime().atZone(PARIS));
        switch (c.purpose()) {
            case SUPPRESSION -> t.append("Le document « ").append(title).append(" »").append(exam).append(" concernant ")
                    .append(patientName).append(" (né(e) le ").append(birth).append(") a été retiré par ").append(c.practiceName())
                    .append(c.statusReason() == null ? "" : " (motif : " + c.statusReason() + ")")
                    .append(".\nMerci de le supprimer du dossier où il a été intégré. Il figure en pièce jointe pour l'identifier "
                            + "(métadonnée XDM « action » = D).\n");
            case REMPLACEMENT -> t.append("Veuillez trouver ci-joint une nouvelle version du document « ").append(title)
                    .append(" »").append(exam).append(" concernant ").append(patientName).append(" (né(e) le ").append(birth)
                    .append("). Elle remplace la version envoyée précédemment")
                    .append(c.statusReason() == null ? "" : " (motif : " + c.statusReason() + ")").append(".\n");
            default -> t.append("Veuillez trouver ci-joint le document « ").append(title).append(" »").append(exam)
                    .append(" concernant ").append(c.kind() == RecipientKind.PATIENT ? "vous-même" : patientName
                            + " (né(e) le " + birth + ")").append(".\n");
        }
        if (c.invisibleToPatient() && c.kind() == RecipientKind.PROFESSIONNEL && c.purpose() != Purpose.SUPPRESSION) {
            t.append("\n").append(c.settings().notice(title, patientName)).append("\n");
        }
        t.append("\nCordialement,\n").append(c.practiceName()).append("\n");
        if (c.kind() == RecipientKind.PATIENT && c.settings().closePatientChannel()) {
            t.append("\nCe message ne permet pas de réponse. Pour toute question, contactez le cabinet.\n");
        } else if (c.replyTo() != null) {
            t.append("Pour nous répondre : ").append(c.replyTo()).append("\n");
        }
        return t.toString();
    }

    private static byte[] uuidBytes(UUID id) {
        byte[] b = new byte[16];
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    /** A message whose Message-ID is the one decided with the send, not a new one at each attempt. */
    static final class FixedIdMessage extends SMTPMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
