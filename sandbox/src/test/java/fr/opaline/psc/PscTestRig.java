package fr.opaline.psc;

import com.nimbusds.oauth2.sdk.auth.Secret;
import fr.opaline.core.common.Json;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.TestDatabase;
import fr.opaline.core.user.Role;
import fr.opaline.psc.client.HttpsProxyTransport;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.client.ProxyTransport;
import fr.opaline.psc.client.ProxyTrust;
import fr.opaline.psc.oidc.OidcProvider;
import fr.opaline.psc.oidc.OidcProviderConfig;
import fr.opaline.psc.oidc.OidcProviders;
import fr.opaline.psc.proxy.LanCertificate;
import fr.opaline.psc.proxy.ProxyHttpServer;
import fr.opaline.psc.proxy.ProxyLimits;
import fr.opaline.psc.proxy.ProxyService;
import fr.opaline.sandbox.psc.ECpsSimulator;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import fr.opaline.psc.vault.TokenCipher;
import fr.opaline.psc.vault.TokenVault;
import fr.opaline.psc.vault.VaultKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The whole PSC chain on one machine for tests: sandbox PSC, practice database with accounts,
 * token vault, proxy e-santé over HTTPS with a fresh LAN certificate, and a workstation client
 * that records every byte it receives.
 */
public final class PscTestRig implements AutoCloseable {

    public static final String PASSWORD = "Irm-Genou-2026";

    public final TestDatabase db;
    public final AccountsFixture accounts;
    public final SandboxOpenIdProvider sandbox;
    public final VaultKey vaultKey = VaultKey.random();
    public final TokenVault vault;
    public final ProxyService proxy;
    public final ProxyHttpServer server;
    public final RecordingTransport transport;
    public final ProxyClient client;

    public final LanCertificate.Material tls;

    /** The rig of the flow tests: many CIBA starts from one workstation are allowed (they test the flow, not the limits). */
    public PscTestRig(ECpsSimulator.Mode mode, SandboxOpenIdProvider.Settings settings) throws Exception {
        this(mode, settings, ProxyLimits.defaults().withCibaStartsPerMinute(10_000));
    }

    public PscTestRig(ECpsSimulator.Mode mode, SandboxOpenIdProvider.Settings settings, ProxyLimits limits)
            throws Exception {
        this(mode, settings, limits, Clock.systemUTC());
    }

    /** @param proxyClock the proxy's own clock (a test moves it to expire sign-ins under way) */
    public PscTestRig(ECpsSimulator.Mode mode, SandboxOpenIdProvider.Settings settings, ProxyLimits limits,
                      Clock proxyClock) throws Exception {
        db = TestDatabases.h2();
        Clock clock = Clock.systemUTC();
        accounts = new AccountsFixture(new CoreFixture(db.database(),
                new fr.opaline.core.common.MutableClock(Instant.now(), CoreFixture.PARIS)));
        accounts.account("dr.lambert", Role.RADIOLOGUE, "99700000000", PASSWORD);
        accounts.account("admin", Role.ADMINISTRATEUR, null, PASSWORD);
        sandbox = new SandboxOpenIdProvider(0, null, "sandbox-secret-" + UUID.randomUUID(),
                new ECpsSimulator(mode, Duration.ZERO, System.out, System.in), settings, clock);
        sandbox.start();
        OidcProviders providers = new OidcProviders(List.of(new OidcProvider(OidcProviderConfig.psc("psc",
                sandbox.discovery(), SandboxOpenIdProvider.CLIENT_ID, new Secret(sandbox.clientSecret())), clock)), "psc");
        vault = new TokenVault(db.database(), providers, new TokenCipher(vaultKey), clock,
                fr.opaline.core.common.IdGenerator.timeOrdered(clock), Duration.ofHours(10), Duration.ofSeconds(60));
        proxy = new ProxyService(db.database(), providers, vault, accounts.reconciliation, accounts.core.audit,
                proxyClock, true, limits);
        tls = LanCertificate.create(Set.of("localhost", "127.0.0.1"), Instant.now());
        server = new ProxyHttpServer(proxy, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                LanCertificate.serverContext(tls), Duration.ofHours(1));
        server.start();
        transport = new RecordingTransport(new HttpsProxyTransport(server.uri("127.0.0.1"),
                ProxyTrust.pinned(tls.certificate()), Duration.ofSeconds(20)));
        client = new ProxyClient(transport);
    }

    /** The tokens the vault holds for a session, decrypted with the test's copy of the key. */
    @SuppressWarnings("unchecked")
    public Map<String, String> vaultTokens(UUID sessionId) {
        byte[] blob = db.database().dsl().select(fr.opaline.core.persistence.generated.Tables.PSC_SESSION.TOKEN_BLOB)
                .from(fr.opaline.core.persistence.generated.Tables.PSC_SESSION)
                .where(fr.opaline.core.persistence.generated.Tables.PSC_SESSION.ID.eq(sessionId)).fetchSingle().value1();
        return Json.read(new String(new TokenCipher(vaultKey).decrypt(sessionId, blob), StandardCharsets.UTF_8), Map.class);
    }

    public UUID onlySessionId() {
        return db.database().dsl().select(fr.opaline.core.persistence.generated.Tables.PSC_SESSION.ID)
                .from(fr.opaline.core.persistence.generated.Tables.PSC_SESSION)
                .orderBy(fr.opaline.core.persistence.generated.Tables.PSC_SESSION.CREATED_AT.desc()).limit(1).fetchSingle().value1();
    }

    @Override
    public void close() throws Exception {
        server.stop(Duration.ZERO);
        sandbox.stop(Duration.ZERO);
        db.close();
    }

    /** Wraps the real HTTPS transport and keeps everything the workstation sent and received. */
    public static final class RecordingTransport implements ProxyTransport {
        private final ProxyTransport delegate;
        private final List<String> seen = new ArrayList<>();

        RecordingTransport(ProxyTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public Response exchange(String method, String path, String bearer, String json) {
            Response response = delegate.exchange(method, path, bearer, json);
            synchronized (seen) {
                seen.add(method + " " + path + " " + json + " -> " + response.status() + " " + response.body());
            }
            return response;
        }

        public String everything() {
            synchronized (seen) {
                return String.join("\n", seen);
            }
        }
    }
}
