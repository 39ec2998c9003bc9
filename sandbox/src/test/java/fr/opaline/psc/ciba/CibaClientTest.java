package fr.opaline.psc.ciba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.auth.Secret;
import fr.opaline.psc.oidc.OidcException;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.OidcProviderConfig;
import fr.opaline.psc.oidc.ProviderErrors;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CIBA client itself against the sandbox PSC (SC.PSC.13): slow_down, expiry, errors. */
class CibaClientTest {

    private static SandboxOpenIdProvider sandbox;
    private static CibaClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxOpenIdProvider(0, null, "s3cret", new ECpsSimulator(ECpsSimulator.Mode.MANUAL,
                Duration.ZERO, System.out, System.in), new SandboxOpenIdProvider.Settings(Duration.ofSeconds(60),
                Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(30)), Clock.systemUTC());
        sandbox.start();
        client = new CibaClient(provider("s3cret"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sandbox.stop(Duration.ZERO);
    }

    private static OidcProvider provider(String secret) {
        return new OidcProvider(OidcProviderConfig.psc("psc", sandbox.discovery(), SandboxOpenIdProvider.CLIENT_ID,
                new Secret(secret)), Clock.systemUTC());
    }

    @Test
    void pollingFasterThanTheIntervalEarnsASlowDownThatAddsFiveSeconds() {
        CibaClient.Ticket ticket = client.start("899700000000", "12", null);
        assertThat(ticket.interval()).isEqualTo(Duration.ofSeconds(2));

        assertThat(client.poll(ticket)).isInstanceOf(CibaClient.Pending.class);
        CibaClient.Poll tooSoon = client.poll(ticket);

        assertThat(tooSoon).isInstanceOfSatisfying(CibaClient.SlowDown.class,
                slow -> assertThat(slow.ticket().interval()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void approvedRequestsGiveTokensOnce() throws Exception {
        CibaClient.Ticket ticket = client.start("899700000000", "45", null);
        sandbox.decide(sandbox.pendingApprovals().stream()
                .filter(r -> sandbox.bindingMessage(r).orElseThrow().equals("45")).findFirst().orElseThrow(), true);

        assertThat(client.poll(ticket)).isInstanceOfSatisfying(CibaClient.Issued.class, issued -> {
            assertThat(issued.tokens().refreshToken()).isNotNull();
            assertThat(issued.tokens().toString()).doesNotContain(issued.tokens().accessToken().getValue());
        });
        Thread.sleep(2100);
        assertThat(client.poll(ticket)).isInstanceOfSatisfying(CibaClient.Refused.class,
                r -> assertThat(r.error()).isEqualTo("invalid_grant"));
    }

    @Test
    void pastItsExpiryATicketIsNotPolledAnyMore() {
        CibaClient.Ticket ticket = client.start("899700000000", "78", null);
        CibaClient later = new CibaClient(provider("s3cret"),
                Clock.fixed(ticket.expiresAt().plusSeconds(1), ZoneOffset.UTC));

        assertThat(later.poll(ticket)).isInstanceOfSatisfying(CibaClient.Refused.class, r -> {
            assertThat(r.expired()).isTrue();
            assertThat(r.message()).startsWith("Délai dépassé");
        });
    }

    @Test
    void theProviderExpiresRequestsItself() throws Exception {
        CibaClient.Ticket ticket = client.start("899700000001", "01", 1);
        assertThat(ticket.expiresAt()).isBefore(Instant.now().plusSeconds(3));
        Thread.sleep(1200);
        CibaClient.Ticket stillValidHere = new CibaClient.Ticket(ticket.authReqId(), Instant.now().plusSeconds(60),
                ticket.interval());

        assertThat(client.poll(stillValidHere)).isInstanceOfSatisfying(CibaClient.Refused.class,
                r -> assertThat(r.error()).isEqualTo("expired_token"));
    }

    @Test
    void authenticationRequestErrorsAreReportedInFrench() {
        assertThatThrownBy(() -> client.start("899700000000", "avec espace", null))
                .isInstanceOfSatisfying(OidcException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_binding_message");
                    assertThat(e.getMessage()).isEqualTo(ProviderErrors.message("invalid_binding_message", null));
                });
        assertThatThrownBy(() -> client.start("899700000009", "12", null))
                .isInstanceOfSatisfying(OidcException.class, e -> assertThat(e.error()).isEqualTo("unknown_user_id"));
        assertThatThrownBy(() -> new CibaClient(provider("mauvais"), Clock.systemUTC()).start("899700000000", "12", null))
                .isInstanceOfSatisfying(OidcException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains("identifiant ou secret client");
                });
    }

    /**
     * ANS proxy e-Santé API (ansforge/psc-edc-proxy-esante, openapi/API-Proxy-eSante.json, schema
     * connection): bindingMessage is a two-digit number 00–99 and channel is CARD or MOBILE, sent as the
     * form parameters binding_message and channel (PSCSessionService). The old 6-character code is refused.
     */
    @Test
    void theSandboxTakesTheAnsTwoDigitCodeAndChannelOnly() {
        CibaClient.Ticket ticket = client.start("899700000002", "07", null);
        assertThat(ticket.authReqId()).isNotBlank();
        String ref = sandbox.pendingApprovals().stream()
                .filter(r -> sandbox.nationalId(r).orElseThrow().equals("899700000002")).reduce((a, b) -> b).orElseThrow();
        assertThat(sandbox.bindingMessage(ref)).contains("07");
        assertThat(sandbox.channel(ref)).contains("MOBILE");

        assertThatThrownBy(() -> client.start("899700000002", "K7M-3PX", null))
                .isInstanceOfSatisfying(OidcException.class, e -> assertThat(e.error()).isEqualTo("invalid_binding_message"));
        assertThatThrownBy(() -> client.start("899700000002", "100", null))
                .isInstanceOfSatisfying(OidcException.class, e -> assertThat(e.error()).isEqualTo("invalid_binding_message"));
        CibaClient noChannel = new CibaClient(new OidcProvider(OidcProviderConfig.psc("psc", sandbox.discovery(),
                SandboxOpenIdProvider.CLIENT_ID, new Secret("s3cret")).withCibaChannel(null), Clock.systemUTC()),
                Clock.systemUTC());
        assertThatThrownBy(() -> noChannel.start("899700000002", "07", null))
                .isInstanceOfSatisfying(OidcException.class, e -> assertThat(e.error()).isEqualTo("invalid_request"));
        CibaClient card = new CibaClient(new OidcProvider(OidcProviderConfig.psc("psc", sandbox.discovery(),
                SandboxOpenIdProvider.CLIENT_ID, new Secret("s3cret")).withCibaChannel(CibaChannel.CARD), Clock.systemUTC()),
                Clock.systemUTC());
        card.start("899700000001", "08", null);
        String cardRef = sandbox.pendingApprovals().stream()
                .filter(r -> sandbox.nationalId(r).orElseThrow().equals("899700000001")).reduce((a, b) -> b).orElseThrow();
        assertThat(sandbox.channel(cardRef)).contains("CARD");
    }

    /** The ANS proxy e-Santé's tests sign in 500000001815646/CPAT00045 (AbstractProxyIntegrationTest.ID_NAT). */
    @Test
    void aNationalIdWithASlashIsALoginHint() {
        CibaClient.Ticket ticket = client.start("500000001815646/CPAT00045", "33", null);
        assertThat(ticket.authReqId()).isNotBlank();
    }

    @Test
    void everyCibaAndOAuthErrorHasAFrenchMessage() {
        for (String code : new String[] {"authorization_pending", "slow_down", "expired_token", "access_denied",
                "transaction_failed", "invalid_request", "invalid_scope", "expired_login_hint_token", "unknown_user_id",
                "unauthorized_client", "missing_user_code", "invalid_user_code", "invalid_binding_message",
                "invalid_client", "invalid_grant", "unsupported_grant_type", "server_error", "temporarily_unavailable"}) {
            assertThat(ProviderErrors.known(code)).as(code).isTrue();
        }
        assertThat(ProviderErrors.message("nouvelle_erreur", "détail")).isEqualTo(
                "Erreur du fournisseur d'identité (nouvelle_erreur) : détail.");
    }
}
