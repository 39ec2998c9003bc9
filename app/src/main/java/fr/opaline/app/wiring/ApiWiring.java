package fr.opaline.app.wiring;

import fr.opaline.api.DirectoryApi;
import fr.opaline.api.DrimboxApi;
import fr.opaline.api.TeleradiologyApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.Workstation;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.user.UserRepository;
import fr.opaline.mss.outbound.OrderCorrespondents;
import fr.opaline.platform.tls.TlsIdentity;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.proxy.LanCertificate;
import fr.opaline.server.DirectoryEndpoint;
import fr.opaline.server.DrimboxEndpoint;
import fr.opaline.server.EventHub;
import fr.opaline.server.PracticeApi;
import fr.opaline.server.PscSessions;
import fr.opaline.server.TeleradiologyEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application API in the practice server, on the server's one HTTPS port with the proxy
 * e-santé ({@code psc.proxy.port}, default 8443, on {@code psc.proxy.bind}, default every
 * interface; decision 0240), with the LAN certificate the proxy makes; and the desktop's client of
 * it, wherever the server runs.
 */
public final class ApiWiring implements ServerContribution {

    /** The one HTTPS port of the practice server (API and proxy e-santé). */
    public static final int DEFAULT_PORT = PscWiring.DEFAULT_PORT;

    @Override
    public List<ManagedService> services(CoreServices core) {
        if (!core.config.getBoolean("api.enabled", true)) {
            return List.of();
        }
        return List.of(new ApiLauncher(core, false));
    }

    /**
     * The practice server's HTTPS server: on {@code psc.proxy.bind}:{@code psc.proxy.port}, 64 workers
     * unless {@code psc.proxy.maxThreads}, the other bounds of {@code psc.proxy.*}, 1 MiB bodies for
     * the API (the proxy's routes keep theirs). {@code api.port} and {@code api.bind}, from when the
     * API had a port of its own, are refused unless they say the same.
     */
    static fr.opaline.platform.http.HttpSettings httpSettings(OpalineConfig config) {
        java.net.InetSocketAddress bind = PscProxyLauncher.bind(config);
        config.get("api.port").ifPresent(port -> {
            if (!port.trim().equals(Integer.toString(bind.getPort()))) {
                throw new fr.opaline.app.config.ConfigException("api.port=" + port.trim() + " : l'API et le proxy e-santé "
                        + "partagent désormais un seul port HTTPS, psc.proxy.port (" + bind.getPort()
                        + ") ; retirez api.port de opaline.properties (ou donnez-lui la même valeur) et pointez "
                        + "api.url des postes sur ce port.");
            }
        });
        config.get("api.bind").ifPresent(address -> {
            if (!address.trim().equals(bind.getHostString())) {
                throw new fr.opaline.app.config.ConfigException("api.bind=" + address.trim() + " : l'API et le proxy "
                        + "e-santé partagent désormais une seule adresse d'écoute, psc.proxy.bind (" + bind.getHostString()
                        + ") ; retirez api.bind de opaline.properties.");
            }
        });
        return PscProxyLauncher.bounds(config, fr.opaline.platform.http.HttpSettings
                .defaults("API et proxy e-santé", bind).withThreads(64));
    }

    /**
     * The API's implementations over this process's services: sessions lock after {@code ui.idleLock},
     * end after {@code api.session.maxAge}.
     */
    static PracticeApi practiceApi(CoreServices core, PscSessions psc, boolean demo) {
        return PracticeApi.over(core.database, core.clock, new AccountsWiring(core).authentication, core.patients,
                core.booking, core.config.getDuration("ui.idleLock", Duration.ofMinutes(10)),
                core.config.getDuration("api.session.maxAge", Duration.ofHours(12)),
                new PracticeApi.SignInOptions(psc, demo ? core.audit : null), events -> endpoints(core, events, demo));
    }

    /** The areas served over the domain modules' services of this process. */
    static java.util.Map<Class<?>, Object> endpoints(CoreServices core, fr.opaline.server.EventHub events,
                                                   boolean demo) {
        java.util.Map<Class<?>, Object> areas = new java.util.HashMap<>();
        ReportWiring reporting = new ReportWiring(core);
        areas.put(fr.opaline.api.ReportApi.class, new fr.opaline.server.ReportEndpoint(core.database,
                reporting.reports, reporting.loader, core.outbox, events, core.clock));
        areas.put(fr.opaline.api.QueueApi.class, new fr.opaline.server.QueueEndpoint(core.database, core.outbox,
                events, core.clock));
        fr.opaline.server.QueueEndpoint.publishOutcomes(core.outbox, events, core.clock);
        areas.putAll(AdministrationWiring.areas(core, events));
        areas.putAll(recordAreas(core, demo).build(events));
        areas.putAll(correspondenceAreas(core, events));
        areas.put(fr.opaline.api.CommuneApi.class, new fr.opaline.server.CommuneEndpoint(InsWiring.insServices(core).cog()));
        areas.put(fr.opaline.api.OperatorApi.class, OperatorWiring.endpoint(core,
                fr.opaline.server.operator.OperatorEndpoint.OPERATOR));
        return areas;
    }

    /** The patient record's identity (INSi), DMP and document areas over this process's services. */
    static PracticeApi.Endpoints recordAreas(CoreServices core, boolean demo) {
        DmpWiring.DmpServices dmp = DmpWiring.dmpServices(core);
        InsWiring.InsServices ins = InsWiring.insServices(core);
        return fr.opaline.server.record.RecordEndpoints.of(core.database, core.audit, core.clock, core.patients,
                ins.statuses(), ins.lookup(), dmp.consent(), dmp.dica(), dmp.consultation(), dmp.feeding(), demo);
    }

    /** Teleradiology, the annuaire santé and the DRIMbox conso, over this process's domain services. */
    static Map<Class<?>, Object> correspondenceAreas(CoreServices core, EventHub events) {
        Map<Class<?>, Object> areas = new HashMap<>();
        areas.put(TeleradiologyApi.class, new TeleradiologyEndpoint(Hl7Wiring.teleradiology(core), events, core.clock));
        areas.put(DirectoryApi.class, new DirectoryEndpoint(MssWiring.directory(core.config).orElse(null),
                new OrderCorrespondents(core.database, core.audit, core.ids, core.clock),
                new fr.opaline.mss.outbound.ManualSends(core.database, core.outbox, MssWiring.trace(core), core.audit,
                        core.ids, core.clock), core.outbox, events, core.clock));
        areas.put(DrimboxApi.class, new DrimboxEndpoint(DrimboxWiring.consultation(core)));
        // Received documents (issue 23): the integration worklist over the process's shared inbound integration.
        areas.put(fr.opaline.api.InboxApi.class, new fr.opaline.server.inbox.InboxEndpoint(MssWiring.integration(core),
                events, core.clock));
        return areas;
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
