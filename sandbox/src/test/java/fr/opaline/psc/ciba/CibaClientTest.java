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
        CibaClient.Ticket ticket = client.start("899700000000", "ABC-123", null);
        assertThat(ticket.interval()).isEqualTo(Duration.ofSeconds(2));

        assertThat(client.poll(ticket)).isInstanceOf(CibaClient.Pending.class);
        CibaClient.Poll tooSoon = client.poll(ticket);

        assertThat(tooSoon).isInstanceOfSatisfying(CibaClient.SlowDown.class,
                slow -> assertThat(slow.ticket().interval()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void approvedRequestsGiveTokensOnce() throws Exception {
        CibaClient.Ticket ticket = client.start("899700000000", "DEF-456", null);
        sandbox.decide(sandbox.pendingApprovals().stream()
                .filter(r -> sandbox.bindingMessage(r).orElseThrow().equals("DEF-456")).findFirst().orElseThrow(), true);

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
        CibaClient.Ticket ticket = client.start("899700000000", "GHI-789", null);
        CibaClient later = new CibaClient(provider("s3cret"),
                Clock.fixed(ticket.expiresAt().plusSeconds(1), ZoneOffset.UTC));

        assertThat(later.poll(ticket)).isInstanceOfSatisfying(CibaClient.Refused.class, r -> {
            assertThat(r.expired()).isTrue();
            assertThat(r.message()).startsWith("Délai dépassé");
        });
    }

    @Test
    void theProviderExpiresRequestsItself() throws Exception {
        CibaClient.Ticket ticket = client.start("899700000001", "JKL-012", 1);
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
        assertThatThrownBy(() -> client.start("899700000009", "ABC-123", null))
                .isInstanceOfSatisfying(OidcException.class, e -> assertThat(e.error()).isEqualTo("unknown_user_id"));
        assertThatThrownBy(() -> new CibaClient(provider("mauvais"), Clock.systemUTC()).start("899700000000", "ABC-123", null))
                .isInstanceOfSatisfying(OidcException.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_client");
                    assertThat(e.getMessage()).contains("identifiant ou secret client");
                });
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
