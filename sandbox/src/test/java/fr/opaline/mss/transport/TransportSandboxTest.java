package fr.opaline.mss.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.sandbox.mss.SandboxPeople;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SMTP and IMAP over TLS with the BAL applicative's certificate and SASL EXTERNAL (SC.MSS/CONF.01, CONF.27). */
class TransportSandboxTest {

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

    static MailAccess applicative(Path keystore, char[] password) {
        return new MailAccess(MailEndpoint.parse(sandbox.smtpUri().toString()), MailEndpoint.parse(sandbox.imapUri().toString()),
                MailTls.of(sandbox.authorityFile(), keystore, password),
                new MailCredentials.ClientCertificate(SandboxPeople.APPLICATIVE), Duration.ofSeconds(10));
    }

    @Test
    void certificateAuthenticatedSendAndRead() throws Exception {
        MailAccess access = applicative(sandbox.applicativeKeyStore(), sandbox.applicativeKeyStorePassword());
        MimeMessage m = new MimeMessage(access.session());
        m.setFrom(new InternetAddress(SandboxPeople.APPLICATIVE));
        m.setRecipients(Message.RecipientType.TO, SandboxPeople.APPLICATIVE);
        m.setSubject("essai");
        m.setText("bonjour");
        access.send(m);
        try (ImapConnection imap = new ImapConnection(access)) {
            int unseen = imap.withInbox(inbox -> inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length);
            assertThat(unseen).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aCertificateOfAnotherMailboxIsRefused() {
        char[] pw = "x".toCharArray();
        Path other = sandbox.issueMailboxCertificate("autre@" + SandboxPeople.PRACTICE_DOMAIN, dir.resolve("autre.p12"), pw);
        MailAccess access = applicative(other, pw);
        assertThatThrownBy(() -> access.openStore()).isInstanceOf(MailTransportException.class)
                .hasMessageContaining("authentification refusée");
    }
}
