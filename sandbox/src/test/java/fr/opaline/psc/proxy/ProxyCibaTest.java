package fr.opaline.psc.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEvent;
import fr.opaline.psc.PscTestRig;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LinkRequest;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProxyException;
import fr.opaline.psc.api.SessionView;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CIBA through the proxy e-santé against the sandbox PSC (SC.PSC.13): binding message on both
 * sides, approval, denial, expiry, unknown professional, first-login reconciliation (SC.PSC.02),
 * refresh and logout; the workstation never receives a secret or a token.
 */
class ProxyCibaTest {

    private static PscTestRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = new PscTestRig(ECpsSimulator.Mode.MANUAL, new SandboxOpenIdProvider.Settings(Duration.ofSeconds(4),
                Duration.ofSeconds(1), Duration.ofSeconds(90), Duration.ofMinutes(30)));
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
    }

    private static String approveWhenAsked(boolean approve, String expectedBindingMessage) {
        for (int i = 0; i < 100; i++) {
            // The phone shows the same code as the workstation: that is how the request is found.
            // Newest first: with two-digit codes an older request may show the same code.
            List<String> pending = new ArrayList<>(rig.sandbox.pendingApprovals());
            Collections.reverse(pending);
            for (String ref : pending) {
                if (rig.sandbox.bindingMessage(ref).orElseThrow().equals(expectedBindingMessage)) {
                    rig.sandbox.decide(ref, approve);
                    return ref;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no CIBA request with code " + expectedBindingMessage + " reached the e-CPS");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ANS proxy e-Santé's tests use 500000001815646/CPAT00045 (AbstractProxyIntegrationTest.ID_NAT). */
    @Test
    void aNationalIdWithASlashStartsACibaRequest() {
        CibaStarted started = rig.client.startCiba(null, "500000001815646/CPAT00045");
        assertThat(started.bindingMessage()).matches("[0-9]{2}");
        String ref = approveWhenAsked(false, started.bindingMessage());
        assertThat(rig.sandbox.nationalId(ref)).contains("500000001815646/CPAT00045");
        assertThat(rig.sandbox.channel(ref)).contains("MOBILE");
        assertThat(rig.client.awaitCiba(started, s -> { }).state()).isEqualTo(LoginState.DENIED);
    }

    @Test
    void approvedOnTheECpsTheRadiologistIsLoggedInAndLinkedByRpps() {
        CibaStarted started = rig.client.startCiba(null, "899700000000");
        // ANS proxy e-Santé API (ansforge/psc-edc-proxy-esante, openapi/API-Proxy-eSante.json): two digits 00–99
        assertThat(started.bindingMessage()).matches("[0-9]{2}");
        approveWhenAsked(true, started.bindingMessage());

        LoginStatus status = rig.client.awaitCiba(started, s -> { });

        assertThat(status.state()).isEqualTo(LoginState.AUTHENTICATED);
        assertThat(status.sessionHandle()).isNotBlank();
        SessionView session = status.session();
        assertThat(session.professional().nationalId()).isEqualTo("899700000000");
        assertThat(session.professional().rpps()).isEqualTo("99700000000");
        assertThat(session.professional().displayName()).isEqualTo("Claire LAMBERT");
        assertThat(session.professional().professionCode()).isEqualTo("10");
        assertThat(session.professional().specialtyCode()).isEqualTo("SM44");
        assertThat(session.account().login()).isEqualTo("dr.lambert");
        assertThat(session.method()).isEqualTo("PSC_CIBA");
        assertThat(rig.client.session(status.sessionHandle()).account().login()).isEqualTo("dr.lambert");

        var actions = rig.accounts.core.audit.latest(200).stream().map(AuditEvent::action).toList();
        assertThat(actions).contains(AuditAction.ACCOUNT_LINKED);
        assertThat(rig.accounts.reconciliation.linksOf(session.account().id())).singleElement()
                .satisfies(link -> assertThat(link.nationalId()).isEqualTo("899700000000"));
        assertThat(rig.accounts.core.audit.latest(1).get(0).detail())
                .isEqualTo("PSC_CIBA Pro Santé Connect, 899700000000");
        rig.client.logout(status.sessionHandle());
    }

    @Test
    void deniedOnTheECpsTheLoginEndsWithAClearMessageAndIsAudited() {
        CibaStarted started = rig.client.startCiba("psc", "899700000001");
        approveWhenAsked(false, started.bindingMessage());

        LoginStatus status = rig.client.awaitCiba(started, s -> { });

        assertThat(status.state()).isEqualTo(LoginState.DENIED);
        assertThat(status.message()).isEqualTo("Connexion refusée sur l'application e-CPS.");
        assertThat(status.sessionHandle()).isNull();
        AuditEvent last = rig.accounts.core.audit.latest(1).get(0);
        assertThat(last.action()).isEqualTo(AuditAction.LOGIN_FAILED);
        assertThat(last.actorLogin()).isEqualTo("psc:899700000001");
        assertThat(last.detail()).contains("access_denied");
    }

    @Test
    void withoutAnswerTheRequestExpires() {
        CibaStarted started = rig.client.startCiba(null, "899700000002");
        assertThat(started.expiresAt()).isBefore(java.time.Instant.now().plusSeconds(5));

        LoginStatus status = rig.client.awaitCiba(started, s -> assertThat(s.state()).isIn(LoginState.PENDING,
                LoginState.EXPIRED));

        assertThat(status.state()).isEqualTo(LoginState.EXPIRED);
        assertThat(status.message()).startsWith("Délai dépassé");
    }

    @Test
    void anUnknownProfessionalIsRefusedAtOnceInFrench() {
        assertThatThrownBy(() -> rig.client.startCiba(null, "899799999999"))
                .isInstanceOfSatisfying(ProxyException.class, e -> {
                    assertThat(e.error()).isEqualTo("unknown_user_id");
                    assertThat(e.getMessage()).startsWith("Identifiant national inconnu de Pro Santé Connect");
                });
        assertThatThrownBy(() -> rig.client.startCiba(null, "pas un identifiant"))
                .isInstanceOfSatisfying(ProxyException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void aProfessionalWithoutAccountLinksOneWithItsLocalPassword() {
        rig.accounts.account("remplacant", fr.opaline.core.user.Role.RADIOLOGUE, null, PscTestRig.PASSWORD);
        CibaStarted started = rig.client.startCiba(null, "899700000003");
        approveWhenAsked(true, started.bindingMessage());
        LoginStatus status = rig.client.awaitCiba(started, s -> { });
        assertThat(status.state()).isEqualTo(LoginState.LINK_REQUIRED);
        assertThat(status.session().account()).isNull();
        assertThat(status.session().candidates()).isEmpty();

        assertThatThrownBy(() -> rig.client.link(status.sessionHandle(), new LinkRequest(null, "remplacant", "faux", null)))
                .isInstanceOfSatisfying(ProxyException.class, e -> assertThat(e.status()).isEqualTo(401));
        SessionView linked = rig.client.link(status.sessionHandle(),
                new LinkRequest(null, "remplacant", PscTestRig.PASSWORD, null));
        assertThat(linked.account().login()).isEqualTo("remplacant");

        // Next time, the link is found at once.
        CibaStarted again = rig.client.startCiba(null, "899700000003");
        approveWhenAsked(true, again.bindingMessage());
        assertThat(rig.client.awaitCiba(again, s -> { }).session().account().login()).isEqualTo("remplacant");
    }

    @Test
    void refreshRenewsTheTokensInTheVaultAndLogoutRevokesThem() {
        CibaStarted started = rig.client.startCiba(null, "899700000000");
        approveWhenAsked(true, started.bindingMessage());
        LoginStatus status = rig.client.awaitCiba(started, s -> { });
        UUID sessionId = rig.onlySessionId();
        Map<String, String> before = rig.vaultTokens(sessionId);

        SessionView refreshed = rig.client.refresh(status.sessionHandle());

        Map<String, String> after = rig.vaultTokens(sessionId);
        assertThat(after.get("accessToken")).isNotEqualTo(before.get("accessToken"));
        assertThat(after.get("refreshToken")).isNotEqualTo(before.get("refreshToken"));
        assertThat(refreshed.accessExpiresAt()).isAfterOrEqualTo(status.session().accessExpiresAt());
        assertThat(rig.vault.accessToken(sessionId)).isEqualTo(after.get("accessToken"));

        rig.client.logout(status.sessionHandle());
        assertThatThrownBy(() -> rig.client.session(status.sessionHandle()))
                .isInstanceOfSatisfying(ProxyException.class, e -> assertThat(e.sessionEnded()).isTrue());
        @SuppressWarnings("unchecked")
        var journal = (java.util.List<Map<String, Object>>) ((Map<String, Object>) rig.sandbox.inspect()).get("journal");
        assertThat(journal).extracting(e -> e.get("what")).contains("jeton de rafraîchissement révoqué");
    }

    @Test
    void theWorkstationNeverSeesTheClientSecretNorAnyToken() {
        CibaStarted started = rig.client.startCiba(null, "899700000000");
        approveWhenAsked(true, started.bindingMessage());
        LoginStatus status = rig.client.awaitCiba(started, s -> { });
        UUID sessionId = rig.onlySessionId();
        rig.client.refresh(status.sessionHandle());
        Map<String, String> tokens = rig.vaultTokens(sessionId);
        rig.client.session(status.sessionHandle());

        String seen = rig.transport.everything();
        assertThat(seen).contains(started.bindingMessage()).contains("899700000000");
        assertThat(seen).doesNotContain(rig.sandbox.clientSecret());
        assertThat(seen).doesNotContain(tokens.get("refreshToken"));
        assertThat(seen).doesNotContain(tokens.get("accessToken"));
        assertThat(seen).doesNotContain(tokens.get("idToken"));
        assertThat(seen).doesNotContain("auth_req_id").doesNotContain("refresh_token");
        rig.client.logout(status.sessionHandle());
    }

    @Test
    void theProxyHonoursTheIntervalSoThePscNeverAsksToSlowDown() {
        CibaStarted started = rig.client.startCiba(null, "899700000000");
        // A workstation polling in a tight loop is answered from the proxy, not forwarded upstream.
        for (int i = 0; i < 20; i++) {
            assertThat(rig.client.pollCiba(started.requestId()).state()).isEqualTo(LoginState.PENDING);
        }
        approveWhenAsked(true, started.bindingMessage());
        LoginStatus status = rig.client.awaitCiba(started, s -> { });
        assertThat(status.state()).isEqualTo(LoginState.AUTHENTICATED);
        @SuppressWarnings("unchecked")
        var requests = (java.util.List<Map<String, Object>>) ((Map<String, Object>) rig.sandbox.inspect()).get("cibaRequests");
        assertThat(requests).allSatisfy(r -> assertThat(r.get("slowDowns")).isEqualTo(0));
        rig.client.logout(status.sessionHandle());
    }

    @Test
    void aRequestCanBeCancelledAndIsUnknownToOtherWorkstations() {
        CibaStarted started = rig.client.startCiba(null, "899700000002");
        assertThatThrownBy(() -> rig.proxy.cibaStatus(started.requestId(), "192.0.2.7"))
                .isInstanceOfSatisfying(ProxyException.class, e -> assertThat(e.status()).isEqualTo(404));
        rig.client.cancelCiba(started.requestId());
        assertThat(rig.client.pollCiba(started.requestId()).state()).isEqualTo(LoginState.CANCELLED);
    }

    @Test
    void aSessionHandleIsBoundToItsWorkstation() {
        CibaStarted started = rig.client.startCiba(null, "899700000000");
        approveWhenAsked(true, started.bindingMessage());
        LoginStatus status = rig.client.awaitCiba(started, s -> { });

        assertThatThrownBy(() -> rig.proxy.session(status.sessionHandle(), "192.0.2.7"))
                .isInstanceOfSatisfying(ProxyException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> rig.client.session(status.sessionHandle() + "x"))
                .isInstanceOf(ProxyException.class);
        assertThat(rig.client.session(status.sessionHandle()).account().login()).isEqualTo("dr.lambert");
        rig.client.logout(status.sessionHandle());
    }
}
