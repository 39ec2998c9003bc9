package fr.opaline.mss.flow;

import static fr.opaline.core.persistence.generated.Tables.CLINICAL_DOCUMENT;
import static fr.opaline.core.persistence.generated.Tables.MSS_INBOUND_DOCUMENT;
import static fr.opaline.core.persistence.generated.Tables.MSS_RECEIVED_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.testing.TestDatabases;
import fr.opaline.mss.inbound.InboxPoller;
import fr.opaline.mss.inbound.MdnJob;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.sandbox.mss.SandboxPeople;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile attachments on the BAL applicative, taken over IMAP: each is refused with a clear
 * reason, leaves no document (received or integrated) behind, and its sender gets an MDN.
 */
class HostileAttachmentsTest {

    @TempDir
    static Path dir;
    static MssSandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new MssSandbox(new MssSandbox.Settings(0, 0, 0, dir, () -> null), Clock.systemUTC());
        sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop(Duration.ofSeconds(1));
    }

    static final String METADATA = "<?xml version=\"1.0\"?><lcm:SubmitObjectsRequest "
            + "xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\"/>";

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameAndContent) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Object c = nameAndContent[i + 1];
            m.put((String) nameAndContent[i], c instanceof byte[] b ? b : ((String) c).getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    static Object[][] hostile() throws Exception {
        return new Object[][] {
            {"zip slip", zip(entries("IHE_XDM/SUBSET01/METADATA.XML", METADATA, "IHE_XDM/SUBSET01/../../../etc/cron.d/x", "x")),
                "sort de son dossier"},
            {"absolute path", zip(entries("IHE_XDM/SUBSET01/METADATA.XML", METADATA, "/tmp/evil.xml", "x")), "chemin absolu"},
            {"zip bomb", zip(entries("IHE_XDM/SUBSET01/METADATA.XML", METADATA, "IHE_XDM/SUBSET01/DOC00001.XML",
                    new byte[50 << 20])), "Archive refusée"},
            {"nested archive", zip(entries("IHE_XDM/SUBSET01/METADATA.XML", METADATA, "IHE_XDM/SUBSET01/DOC00001.XML",
                    zip(entries("a.txt", "a")))), "archive"},
            {"external entity", zip(entries("IHE_XDM/SUBSET01/METADATA.XML", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x "
                    + "SYSTEM \"file:///etc/passwd\">]><r>&x;</r>")), "METADATA.XML"},
            {"not a zip", "bonjour".getBytes(StandardCharsets.UTF_8), "pas une archive zip"},
            {"not XDM", zip(entries("lettre.txt", "bonjour")), "IHE_XDM/SUBSETnn"},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedClearlyAndLeavesNothingBehind(String what, byte[] attachment, String reason) throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            MssRig rig = new MssRig(db.database(), Clock.systemUTC(), sandbox, SandboxPeople.APPLICATIVE,
                    sandbox.applicativeKeyStore(), sandbox.applicativeKeyStorePassword());
            rig.poller.pollOnce(); // whatever earlier cases left in the box
            String sender = SandboxPeople.CORRESPONDENTS.get(2).address();
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress(sender));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(SandboxPeople.APPLICATIVE));
            m.setHeader("Disposition-Notification-To", sender);
            m.setSubject("CR " + what);
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart body = new MimeBodyPart();
            body.setText("ci-joint");
            mixed.addBodyPart(body);
            MimeBodyPart zip = new MimeBodyPart();
            zip.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/zip")));
            zip.setFileName("IHE_XDM.zip");
            mixed.addBodyPart(zip);
            m.setContent(mixed);
            m.saveChanges();
            sandbox.deliver(SandboxPeople.APPLICATIVE, m);

            InboxPoller.Poll poll = rig.poller.pollOnce();
            assertThat(poll.refused()).isEqualTo(1);
            var ctx = db.database().dsl();
            assertThat(ctx.fetchCount(MSS_INBOUND_DOCUMENT)).isZero();
            assertThat(ctx.fetchCount(CLINICAL_DOCUMENT)).isZero();
            var received = ctx.selectFrom(MSS_RECEIVED_MESSAGE).where(MSS_RECEIVED_MESSAGE.SUBJECT.eq("CR " + what)).fetchOne();
            assertThat(received.getOutcome()).isEqualTo("REFUSE");
            assertThat(received.getDetail()).contains(reason);

            int before = sandbox.messagesOf(sender).size();
            MssRig.allDone(rig.runMdns());
            assertThat(rig.outbox.list(Set.of(MdnJob.TYPE), Set.of(), null, 10)).hasSize(1);
            var mdns = sandbox.messagesOf(sender);
            assertThat(mdns).hasSize(before + 1);
            MimeMessage mdn = mdns.get(mdns.size() - 1);
            assertThat(mdn.getContentType()).contains("multipart/report").contains("disposition-notification");
        }
    }
}
