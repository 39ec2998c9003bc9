package fr.opaline.sandbox.mss;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.opaline.mss.mailbox.MssAddress;
import fr.opaline.platform.tls.KeyStores;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.sandbox.pki.SandboxPki;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.DispositionNotification;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox MSSanté operator of {@code opaline sandbox}: SMTP submission and IMAP over TLS
 * ({@link SmtpFront}, {@link ImapFront}) in front of a GreenMail store, with the practice's
 * mailboxes — the BAL applicative authenticated by its certificate (SASL EXTERNAL), the BAL
 * organisationnelle and the radiologists' BAL personnelles by XOAUTH2 with a token of the sandbox
 * PSC — the fictitious correspondents and any {@code <INS>@patient.mssante.fr}; delivery status
 * notifications (RFC 3464) when asked, read receipts (RFC 8098) from the correspondents who
 * "read" their mail; and the fictitious FHIR directory. Writes {@value #OPERATOR_FILE} for the
 * practice server.
 */
public final class MssSandbox implements SandboxService, SandboxOperatorRules {

    public static final String OPERATOR_FILE = "mss-operator.properties";
    private static final Logger LOG = LoggerFactory.getLogger(MssSandbox.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Ports (0: any free one), where to write the certificates and the operator file, how to reach the PSC. */
    public record Settings(int smtpPort, int imapPort, int directoryPort, Path stateDirectory, Supplier<URI> pscDiscovery) {
    }

    private final Settings settings;
    private final Clock clock;
    /** The sandbox's fictitious authority, standing in for the IGC Santé (EC P-256). */
    public static final String AUTHORITY_NAME = "CN=AC fictive bac a sable MSSante Opaline,O=Opaline (fictif),C=FR";
    private final SandboxPki pki = SandboxPki.generate(SandboxPki.Algorithm.EC, AUTHORITY_NAME,
            "CN=localhost,O=Operateur MSSante fictif,C=FR", null);
    private final Map<String, String> storePasswords = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> journal = new ArrayList<>();
    private final Map<String, Integer> transactionsByMessageId = new LinkedHashMap<>();
    private final String directoryKey = random(18);
    private final char[] applicativePassword = random(12).toCharArray();
    private final Session parsing = Session.getInstance(new Properties());
    private GreenMail store;
    private SmtpFront smtp;
    private ImapFront imap;
    private SandboxDirectory directory;
    private PscTokenCheck tokens;
    private Path authorityFile;
    private Path applicativeKeyStore;

    public MssSandbox(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "mss";
    }

    @Override
    public synchronized void start() throws IOException {
        store = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        store.start();
        tokens = new PscTokenCheck(settings.pscDiscovery(), clock);
        createMailboxes();
        SSLContext tls = pki.serverContext();
        smtp = new SmtpFront(tls, settings.smtpPort(), store.getSmtp().getPort(), this);
        imap = new ImapFront(tls, settings.imapPort(), store.getImap().getPort(), this);
        directory = new SandboxDirectory(settings.directoryPort(), directoryKey);
        Path dir = settings.stateDirectory();
        authorityFile = pki.writeAuthority(dir.resolve("mss-ac-bac-a-sable.pem"));
        applicativeKeyStore = writeMailboxCertificate(SandboxPeople.APPLICATIVE, dir.resolve("mss-bal-applicative.p12"),
                applicativePassword);
        writeOperatorFile(dir.resolve(OPERATOR_FILE));
    }

    private void createMailboxes() {
        for (String address : List.of(SandboxPeople.APPLICATIVE)) {
            String password = random(24);
            storePasswords.put(address, password);
            store.setUser(address, address, password);
        }
        UserImpl organisational = (UserImpl) store.setUser(SandboxPeople.ORGANISATIONAL, SandboxPeople.ORGANISATIONAL, random(24));
        organisational.setTokenValidator(token -> tokens.nationalId(token)
                .filter(id -> SandboxPeople.RADIOLOGISTS.stream().anyMatch(r -> r.nationalId().equals(id))).isPresent());
        for (SandboxPeople.Radiologist r : SandboxPeople.RADIOLOGISTS) {
            UserImpl user = (UserImpl) store.setUser(r.address(), r.address(), random(24));
            user.setTokenValidator(token -> tokens.nationalId(token).filter(r.nationalId()::equals).isPresent());
        }
        for (SandboxPeople.Correspondent c : SandboxPeople.CORRESPONDENTS) {
            // a fictitious correspondent's box can be opened with the password "bac-a-sable" to look at it
            store.setUser(c.address(), c.address(), "bac-a-sable");
        }
    }

    private void writeOperatorFile(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("smtp", smtpUri().toString());
        p.setProperty("imap", imapUri().toString());
        p.setProperty("truststore", authorityFile.toAbsolutePath().toString());
        p.setProperty("applicative.address", SandboxPeople.APPLICATIVE);
        p.setProperty("applicative.keystore", applicativeKeyStore.toAbsolutePath().toString());
        p.setProperty("applicative.keystorePassword", new String(applicativePassword));
        p.setProperty("organisational.address", SandboxPeople.ORGANISATIONAL);
        for (SandboxPeople.Radiologist r : SandboxPeople.RADIOLOGISTS) {
            p.setProperty("personal." + r.rpps(), r.address());
        }
        p.setProperty("directory.url", directory.base().toString());
        p.setProperty("directory.apiKey", directoryKey);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "Bac à sable MSSanté d'opaline sandbox (lu par le serveur du cabinet)");
        }
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (smtp != null) {
            smtp.close();
            imap.close();
            directory.close();
            store.stop();
            smtp = null;
        }
    }

    public URI smtpUri() {
        return URI.create("smtps://127.0.0.1:" + smtp.port());
    }

    public URI imapUri() {
        return URI.create("imaps://127.0.0.1:" + imap.port());
    }

    public URI directoryUri() {
        return directory.base();
    }

    public String directoryApiKey() {
        return directoryKey;
    }

    public Path authorityFile() {
        return authorityFile;
    }

    public Path applicativeKeyStore() {
        return applicativeKeyStore;
    }

    public char[] applicativeKeyStorePassword() {
        return applicativePassword.clone();
    }

    /** Issues another BAL applicative certificate (tests: a correspondent's PFI, or a wrong certificate). */
    public Path issueMailboxCertificate(String address, Path file, char[] password) {
        return writeMailboxCertificate(address, file, password);
    }

    /**
     * A BAL applicative's organisation certificate (the mailbox address as rfc822Name), which the
     * operator requires in the TLS handshake before it accepts SASL EXTERNAL, written as PKCS#12.
     */
    private Path writeMailboxCertificate(String address, Path file, char[] password) {
        try {
            KeyStores.write(pki.issueClient("CN=" + address + ",O=Cabinet fictif,C=FR", List.of(address),
                    Duration.ofDays(825), password), file, password);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Certificat de BAL du bac à sable MSSanté : " + e.getMessage(), e);
        }
    }

    /** Declares another BAL applicative (a correspondent's) that authenticates with its certificate. */
    public void addApplicativeMailbox(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        String password = random(24);
        storePasswords.put(a, password);
        if (store.getUserManager().getUserByEmail(a) == null) {
            store.setUser(a, a, password);
        } else {
            store.getUserManager().getUserByEmail(a).setPassword(password);
        }
    }

    /** The messages a mailbox holds (tests and inspection). */
    public List<MimeMessage> messagesOf(String address) {
        GreenMailUser user = store.getUserManager().getUserByEmail(address.toLowerCase(Locale.ROOT));
        if (user == null) {
            return List.of();
        }
        try {
            return store.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(m -> m.getMimeMessage()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many SMTP transactions carried this Message-ID, whatever became of them (every attempt,
     * recipients refused included; the journal keeps only the last 200): 1 when sent exactly once.
     */
    public int transactionsOf(String messageId) {
        synchronized (journal) {
            return transactionsByMessageId.getOrDefault(messageId, 0);
        }
    }

    /** Puts a message straight into a mailbox, as if delivered by another operator. */
    public void deliver(String address, MimeMessage message) {
        user(address).deliver(message);
    }

    // --- rules the fronts apply ------------------------------------------------------------

    @Override
    public boolean isApplicative(String address) {
        return address != null && storePasswords.containsKey(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public String storePassword(String address) {
        return storePasswords.get(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean unreachable(String address) {
        return address.toLowerCase(Locale.ROOT).endsWith("@" + SandboxPeople.UNREACHABLE_DOMAIN);
    }

    @Override
    public void delivered(SmtpTransaction t) {
        MimeMessage message;
        try {
            message = new MimeMessage(parsing, new ByteArrayInputStream(t.message()));
            note(t, message);
        } catch (MessagingException e) {
            LOG.debug("sandbox: unreadable message from {}", t.mailFrom(), e);
            return;
        }
        for (Recipient r : t.recipients()) {
            try {
                if (!r.forwarded() && r.notifications().contains("FAILURE")) {
                    deliver(t.mailFrom(), dsn(t, message, r, false));
                } else if (r.forwarded() && r.notifications().contains("SUCCESS")) {
                    deliver(t.mailFrom(), dsn(t, message, r, true));
                }
                String[] notifyTo = message.getHeader("Disposition-Notification-To");
                boolean reads = SandboxPeople.correspondentByAddress(r.address())
                        .map(SandboxPeople.Correspondent::readsMail).orElse(false);
                if (r.forwarded() && reads && notifyTo != null && notifyTo.length > 0) {
                    InternetAddress to = InternetAddress.parse(notifyTo[0])[0];
                    deliver(to.getAddress(), readReceipt(message, r.address(), to));
                }
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("sandbox: report for {} not produced: {}", r.address(), e.getMessage());
            }
        }
    }

    private MimeMessage dsn(SmtpTransaction t, MimeMessage original, Recipient r, boolean delivered)
            throws MessagingException {
        DeliveryStatus status = new DeliveryStatus();
        InternetHeaders perMessage = new InternetHeaders();
        perMessage.addHeader("Reporting-MTA", "dns; mail.sandbox.mssante.fr");
        if (t.envelopeId() != null) {
            perMessage.addHeader("Original-Envelope-Id", xtextDecode(t.envelopeId()));
        }
        status.setMessageDSN(perMessage);
        InternetHeaders perRecipient = new InternetHeaders();
        if (r.originalRecipient() != null) {
            perRecipient.addHeader("Original-Recipient", xtextDecode(r.originalRecipient()));
        }
        perRecipient.addHeader("Final-Recipient", "rfc822; " + r.address());
        perRecipient.addHeader("Action", delivered ? "delivered" : "failed");
        perRecipient.addHeader("Status", delivered ? "2.0.0" : "5.1.1");
        if (!delivered) {
            perRecipient.addHeader("Diagnostic-Code", "smtp; 550 5.1.1 Boîte aux lettres inconnue ou fermée");
        }
        status.addRecipientDSN(perRecipient);
        String text = delivered ? "Votre message a été remis à " + r.address() + "."
                : "Votre message n'a pas pu être remis à " + r.address() + " : boîte aux lettres inconnue ou fermée.";
        MultipartReport report = "FULL".equalsIgnoreCase(t.ret())
                ? new MultipartReport(text, status, original)
                : new MultipartReport(text, status, headersOf(original));
        MimeMessage dsn = new MimeMessage(parsing);
        dsn.setFrom(new InternetAddress("mailer-daemon@mail.sandbox.mssante.fr"));
        dsn.setRecipients(Message.RecipientType.TO, t.mailFrom());
        dsn.setSubject(delivered ? "Accusé de réception : message remis" : "Échec de remise du message", "UTF-8");
        dsn.setSentDate(java.util.Date.from(clock.instant()));
        dsn.setContent(report);
        dsn.saveChanges();
        return dsn;
    }

    private MimeMessage readReceipt(MimeMessage original, String reader, InternetAddress to) throws MessagingException {
        DispositionNotification notification = new DispositionNotification();
        InternetHeaders fields = notification.getNotifications();
        fields.addHeader("Reporting-UA", "bac-a-sable-mssante; Opaline");
        fields.addHeader("Final-Recipient", "rfc822; " + reader);
        fields.addHeader("Original-Message-ID", original.getMessageID());
        fields.addHeader("Disposition", "manual-action/MDN-sent-manually; displayed");
        MultipartReport report = new MultipartReport("Le message « " + original.getSubject() + " » a été lu par " + reader + ".",
                notification, headersOf(original));
        MimeMessage mdn = new MimeMessage(parsing);
        mdn.setFrom(new InternetAddress(reader));
        mdn.setRecipient(Message.RecipientType.TO, to);
        mdn.setSubject("Accusé de lecture : " + original.getSubject(), "UTF-8");
        mdn.setSentDate(java.util.Date.from(clock.instant()));
        mdn.setContent(report);
        mdn.saveChanges();
        return mdn;
    }

    private static InternetHeaders headersOf(MimeMessage message) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        Enumeration<jakarta.mail.Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            jakarta.mail.Header h = all.nextElement();
            headers.addHeader(h.getName(), h.getValue());
        }
        return headers;
    }

    /** RFC 3461 xtext: "+XX" hexadecimal escapes. */
    static String xtextDecode(String xtext) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < xtext.length(); i++) {
            char c = xtext.charAt(i);
            if (c == '+' && i + 2 < xtext.length()) {
                out.append((char) Integer.parseInt(xtext.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private GreenMailUser user(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        GreenMailUser user = store.getUserManager().getUserByEmail(a);
        return user != null ? user : store.setUser(a, a, random(24));
    }

    private void note(SmtpTransaction t, MimeMessage message) throws MessagingException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", clock.instant().toString());
        entry.put("from", t.mailFrom());
        entry.put("to", t.recipients().stream().map(r -> r.address() + (r.forwarded() ? "" : " (rejeté)")).toList());
        entry.put("subject", message.getSubject());
        entry.put("messageId", message.getMessageID());
        Map<String, String> mss = new LinkedHashMap<>();
        for (String h : List.of("X-MSS-CODECDA", "X-MSS-INS", "X-MSS-NIL", "X-MSS-MES", "Disposition-Notification-To",
                "Reply-To")) {
            String[] v = message.getHeader(h);
            if (v != null) {
                mss.put(h, String.join(", ", v));
            }
        }
        entry.put("headers", mss);
        entry.put("patient", t.recipients().stream().anyMatch(r -> MssAddress.isPatientAddress(r.address())));
        synchronized (journal) {
            if (message.getMessageID() != null) {
                transactionsByMessageId.merge(message.getMessageID(), 1, Integer::sum);
            }
            journal.add(entry);
            if (journal.size() > 200) {
                journal.remove(0);
            }
        }
    }

    @Override
    public Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("smtp", smtpUri());
        endpoints.put("imap", imapUri());
        endpoints.put("annuaire", directoryUri());
        return endpoints;
    }

    @Override
    public Object inspect() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("balApplicative", SandboxPeople.APPLICATIVE);
        state.put("balOrganisationnelle", SandboxPeople.ORGANISATIONAL);
        state.put("balPersonnelles", SandboxPeople.RADIOLOGISTS.stream().map(r -> r.address() + " (" + r.name() + ")").toList());
        state.put("certificatAC", authorityFile.toString());
        state.put("certificatBalApplicative", applicativeKeyStore.toString());
        Map<String, Integer> boxes = new LinkedHashMap<>();
        for (GreenMailUser u : store.getUserManager().listUser()) {
            boxes.put(u.getEmail(), messagesOf(u.getEmail()).size());
        }
        state.put("messagesParBoite", boxes);
        state.put("recherchesAnnuaire", directory.searches());
        synchronized (journal) {
            state.put("envois", List.copyOf(journal));
            state.put("transactionsParMessageId", Map.copyOf(transactionsByMessageId));
        }
        return state;
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

}
