package fr.opaline.app.wiring;

import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.Workstation;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.user.UserRepository;
import fr.opaline.platform.tls.TlsIdentity;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.proxy.LanCertificate;
import fr.opaline.server.PracticeApi;
import fr.opaline.server.PscSessions;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The application API in the practice server ({@code api.port}, default 8444, on {@code api.bind},
 * default every interface), with the LAN certificate the proxy e-santé already makes; and the
 * desktop's client of it, wherever the server runs.
 */
public final class ApiWiring implements ServerContribution {

    public static final int DEFAULT_PORT = 8444;

    @Override
    public List<ManagedService> services(CoreServices core) {
        if (!core.config.getBoolean("api.enabled", true)) {
            return List.of();
        }
        return List.of(new ApiLauncher(core, false));
    }

    /**
     * The API's implementations over this process's services: sessions lock after {@code ui.idleLock},
     * end after {@code api.session.maxAge}.
     */
    static PracticeApi practiceApi(CoreServices core, PscSessions psc, boolean demo) {
        return PracticeApi.over(core.database, core.clock, new AccountsWiring(core).authentication, core.patients,
                core.booking, core.config.getDuration("ui.idleLock", Duration.ofMinutes(10)),
                core.config.getDuration("api.session.maxAge", Duration.ofHours(12)),
                new PracticeApi.SignInOptions(psc, demo ? core.audit : null),
                events -> java.util.Map.of(fr.opaline.api.CommuneApi.class,
                        new fr.opaline.server.CommuneEndpoint(InsWiring.insServices(core).cog())));
    }

    /** The practice server's TLS identity: the proxy e-santé's LAN certificate (one certificate to pin). */
    static TlsIdentity serverIdentity(OpalineConfig config) {
        LanCertificate.Material material = PscWiring.certificate(config);
        try {
            return TlsIdentity.of(material.keyStore(), material.password());
        } finally {
            java.util.Arrays.fill(material.password(), '\0');
        }
    }

    /** Proxy sessions checked through the workstation's client of the proxy (single-seat desktop). */
    static PscSessions throughClient(CoreServices core, ProxyClient client) {
        return (handle, address) -> ProxyClient.authenticatedSession(client.session(handle),
                id -> new UserRepository(core.database.dsl()).findById(id));
    }

    /**
     * The desktop's connection: the workstation's key (made at the first connection in the home),
     * the server's pinned certificate, and the API version check.
     */
    public static ApiClient connect(OpalineConfig config, URI server, String fingerprint) {
        return ApiClient.connect(server, fingerprint, Workstation.key(config.home()),
                config.getDuration("api.client.timeout", Duration.ofSeconds(30)));
    }
}
