package fr.opaline.mss.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.sandbox.mss.SandboxPeople;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A radiologist's BAL personnelle over SMTP and IMAP with XOAUTH2 and a Pro Santé Connect access
 * token issued by the sandbox PSC (RS256, checked against its JWKS by the operator); a refused
 * token is renewed once and the session reopened (SC.MSS/CONF.02).
 */
class XoauthSandboxTest {

    @TempDir
    static Path dir;
    static SandboxOpenIdProvider psc;
    static MssSandbox sandbox;
    static final SandboxPeople.Radiologist LAMBERT = SandboxPeople.RADIOLOGISTS.get(0);

    @BeforeAll
    static void start() throws Exception {
        psc = new SandboxOpenIdProvider(0, null, "secret-du-bac", new ECpsSimulator(ECpsSimulator.Mode.AUTO, Duration.ZERO,
                System.out, System.in), SandboxOpenIdProvider.Settings.defaults(), Clock.systemUTC());
        psc.start();
        sandbox = new MssSandbox(new MssSandbox.Settings(0, 0, 0, dir, psc::discovery), Clock.systemUTC());
        sandbox.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop(Duration.ofSeconds(1));
        psc.stop(Duration.ZERO);
    }

    /** An access token of a professional, by the authorization code flow with PKCE. */
    static String token(String nationalId) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(psc.issuer()
                + "/protocol/openid-connect/auth?client_id=" + SandboxOpenIdProvider.CLIENT_ID
                + "&response_type=code&scope=openid&state=s&nonce=n&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=http://127.0.0.1:9/cb&login_hint=" + nationalId)).build(), HttpResponse.BodyHandlers.ofString());
        String code = URI.create(redirect.headers().firstValue("Location").orElseThrow()).getQuery()
                .replaceAll(".*code=([^&]+).*", "$1");
        var response = OIDCTokenResponseParser.parse(new TokenRequest(URI.create(psc.issuer() + "/protocol/openid-connect/token"),
                new ClientSecretBasic(new ClientID(SandboxOpenIdProvider.CLIENT_ID), new Secret("secret-du-bac")),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create("http://127.0.0.1:9/cb"), verifier))
                .toHTTPRequest().send());
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    static MailAccess personal(TokenSource tokens) {
        return new MailAccess(MailEndpoint.parse(sandbox.smtpUri().toString()), MailEndpoint.parse(sandbox.imapUri().toString()),
                MailTls.of(sandbox.authorityFile(), null, null), new MailCredentials.OAuthBearer(LAMBERT.address(), tokens),
                Duration.ofSeconds(10));
    }

    @Test
    void sendsAndReadsWithAPscTokenAndRenewsARefusedOne() throws Exception {
        String valid = token(LAMBERT.nationalId());
        AtomicInteger renewals = new AtomicInteger();
        MailAccess access = personal(new TokenSource() {
            @Override
            public String token() {
                return renewals.get() == 0 ? "jeton-expire" : valid;
            }

            @Override
            public String renewed() {
                renewals.incrementAndGet();
                return valid;
            }
        });
        String moreau = SandboxPeople.CORRESPONDENTS.get(0).address();
        MimeMessage m = new MimeMessage(access.session());
        m.setFrom(new InternetAddress(LAMBERT.address()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(moreau));
        m.setSubject("Avis XOAUTH2");
        m.setText("Bonjour");
        access.send(m);
        assertThat(renewals.get()).isEqualTo(1);
        assertThat(sandbox.messagesOf(moreau)).anySatisfy(r -> assertThat(r.getSubject()).isEqualTo("Avis XOAUTH2"));

        try (ImapConnection imap = new ImapConnection(access)) {
            int count = imap.withInbox(inbox -> inbox.getMessageCount());
            assertThat(count).isGreaterThanOrEqualTo(0);
            assertThat(imap.sessionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void anotherProfessionalsTokenIsRefused() throws Exception {
        String okafor = token(SandboxPeople.RADIOLOGISTS.get(1).nationalId());
        MailAccess access = personal(() -> okafor);
        assertThatThrownBy(access::openStore).isInstanceOf(MailTransportException.class)
                .hasMessageContaining("authentification refusée");
    }
}
