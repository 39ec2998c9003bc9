package fr.opaline.app.wiring;

import fr.opaline.api.AdministrationApi;
import fr.opaline.api.StatisticsApi;
import fr.opaline.api.WorklistApi;
import fr.opaline.api.admin.ConfiguredEndpoint;
import fr.opaline.api.admin.ServiceSettings;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.settings.SettingsException;
import fr.opaline.mss.MssSettings;
import fr.opaline.worklist.WorklistSettings;
import fr.opaline.server.admin.ServicesOverview;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.server.EventHub;
import fr.opaline.server.admin.AdministrationEndpoint;
import fr.opaline.server.admin.ServerConfiguration;
import fr.opaline.server.admin.ServerConfiguration.CertificateFile;
import fr.opaline.server.statistics.StatisticsEndpoint;
import fr.opaline.server.worklist.WorklistEndpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The practice server's worklist monitor, statistics and Administration areas over this process's
 * services, and what the server's configuration says of the external services (addresses with
 * each national service's state, certificate files; read, never changed, by the screen).
 */
public final class AdministrationWiring {

    private AdministrationWiring() {
    }

    /** The worklist, statistics and admin areas of the API. */
    static Map<Class<?>, Object> areas(CoreServices core, EventHub events) {
        Map<Class<?>, Object> areas = new HashMap<>();
        areas.put(WorklistApi.class, new WorklistEndpoint(core.database,
                new ExamProgressService(core.database, core.audit, core.clock), events, core.clock));
        areas.put(StatisticsApi.class, new StatisticsEndpoint(core.database, core.clock));
        AccountsWiring accounts = new AccountsWiring(core);
        ServerConfiguration configuration = configuration(core.config, Clock.system(core.clock.getZone()))
                .withServices(services(core));
        areas.put(AdministrationApi.class, new AdministrationEndpoint(new AdministrationEndpoint.Services(
                accounts.administration, accounts.review,
                new TrustedCorrespondents(core.database, core.audit, core.ids, core.clock),
                new Mailboxes(core.database, core.audit, core.ids, core.clock), core.catalogue, Hl7Wiring.routes(core)),
                () -> configuration, events,
                core.clock));
        return areas;
    }

    /**
     * Each service's state and main settings, from the settings records this process built once
     * (the same the server's listeners, handlers and the CLI use).
     */
    static ServicesOverview overview(CoreServices core) {
        return new ServicesOverview(DmpWiring.settings(core), InsWiring.insiSettings(core), PscWiring.settings(core),
                MssWiring.settings(core), Hl7Wiring.settings(core),
                WorklistSettings.enabled(core.config) ? WorklistWiring.settings(core) : null,
                DrimboxWiring.bridgeSettings(core));
    }

    /** The services' lines; none when a setting cannot be read (the server refuses to start and says why). */
    private static List<ServiceSettings> services(CoreServices core) {
        try {
            return overview(core).services();
        } catch (SettingsException unreadable) {
            return List.of();
        }
    }

    /** The endpoints, certificate files and ANS status page of this server's configuration. */
    static ServerConfiguration configuration(OpalineConfig config, Clock clock) {
        MssSettings mss = mssSettings(config);
        return new ServerConfiguration(endpoints(config, mss), certificates(config, mss),
                config.get("ui.ansStatusUrl", ServerConfiguration.DEFAULT_ANS_STATUS_URL), clock);
    }

    static List<ConfiguredEndpoint> endpoints(OpalineConfig config, MssSettings mss) {
        Map<String, String> national = nationalStates(config);
        List<ConfiguredEndpoint> endpoints = new ArrayList<>();
        endpoints.add(endpoint("DMP", "dmp.url", config.get("dmp.url").orElse(null), national));
        endpoints.add(endpoint("INSi", "insi.url", config.get("insi.url").orElse(null), national));
        endpoints.add(endpoint("Pro Santé Connect (proxy e-santé)", "psc.proxy.url",
                config.get("psc.proxy.url", "https://127.0.0.1:8443/"), national));
        endpoints.add(endpoint("Pro Santé Connect (fournisseur)", "psc.provider.psc.discovery",
                config.get("psc.provider.psc.discovery").orElse(null), national));
        endpoints.add(endpoint("MSSanté SMTP", "mss.smtp", mss.smtp(), national));
        endpoints.add(endpoint("MSSanté IMAP", "mss.imap", mss.imap(), national));
        endpoints.add(endpoint("Annuaire MSSanté", "mss.directory.url", mss.directoryUrl(), national));
        endpoints.add(endpoint("DRIMbox source (MLLP)", "drimbox.source.host", hostPort(config, "drimbox.source"),
                national));
        endpoints.add(endpoint("DRIMbox conso", "drimbox.conso.url", config.get("drimbox.conso.url").orElse(null),
                national));
        endpoints.add(endpoint("Visionneuse DRIMbox", "drimbox.viewerUrl", config.get("drimbox.viewerUrl").orElse(null),
                national));
        endpoints.add(endpoint("HL7 téléradiologie (MLLP)", "hl7.teleradiology.host",
                hostPort(config, "hl7.teleradiology"), national));
        endpoints.add(endpoint("HL7 écoute (MLLP)", "hl7.listener.port", config.get("hl7.listener.port")
                .map(port -> config.get("hl7.listener.bind", "0.0.0.0") + ":" + port).orElse(null), national));
        return endpoints;
    }

    /** A national service says "actif", "désactivé" or "bac à sable" (decision 0020); the others configured or not. */
    private static ConfiguredEndpoint endpoint(String service, String key, String address, Map<String, String> national) {
        return new ConfiguredEndpoint(service, key, address, national.get(key));
    }

    /** Each national service's state by its key, as the server's start-up log and health endpoint say it. */
    private static Map<String, String> nationalStates(OpalineConfig config) {
        Map<String, String> states = new HashMap<>();
        try {
            NationalServices.of(config).forEach(s -> states.put(s.key(), s.state()));
        } catch (SettingsException unreadable) {
            // The MSSanté operator file cannot be read: the server refuses to start and says why;
            // the screen shows what it can.
        }
        return states;
    }

    static List<CertificateFile> certificates(OpalineConfig config, MssSettings mss) {
        List<CertificateFile> files = new ArrayList<>();
        certificate(files, "DMP (authentification TLS)", "dmp.keystore", config.get("dmp.keystore").orElse(null),
                config.get("dmp.keystore.password", ""));
        certificate(files, "DMP (signature VIHF et soumissions)", "dmp.signature.keystore",
                config.get("dmp.signature.keystore").orElse(null), config.get("dmp.signature.keystore.password",
                        config.get("dmp.keystore.password", "")));
        certificate(files, "INSi", "insi.keystore", config.get("insi.keystore").orElse(null),
                config.get("insi.keystore.password", ""));
        certificate(files, "BAL applicative MSSanté", "mss.applicative.keystore",
                mss.keystore(), orEmpty(mss.keystorePassword()));
        certificate(files, "HL7 écoute (TLS)", "hl7.listener.tls.keystore",
                config.get("hl7.listener.tls.keystore").orElse(null), config.get("hl7.listener.tls.password", ""));
        certificate(files, "HL7 téléradiologie (TLS)", "hl7.teleradiology.tls.keystore",
                config.get("hl7.teleradiology.tls.keystore").orElse(null),
                config.get("hl7.teleradiology.tls.password", ""));
        certificate(files, "DRIMbox source (TLS)", "drimbox.source.tls.keystore",
                config.get("drimbox.source.tls.keystore").orElse(null), config.get("drimbox.source.tls.password", ""));
        return files;
    }

    private static void certificate(List<CertificateFile> files, String usage, String key, String file,
                                    String password) {
        if (file != null && !file.isBlank()) {
            files.add(new CertificateFile(usage, key, Path.of(file.strip()), password.toCharArray()));
        }
    }

    private static String hostPort(OpalineConfig config, String prefix) {
        return config.get(prefix + ".host").map(host -> host + config.get(prefix + ".port").map(p -> ":" + p).orElse(""))
                .orElse(null);
    }

    /**
     * The MSSanté settings as the MSSanté wiring reads them; only {@code mss.<key>} when the
     * operator file cannot be read (the screen then shows "non configuré", the server refuses to start).
     */
    private static MssSettings mssSettings(OpalineConfig config) {
        try {
            return MssWiring.settings(config);
        } catch (SettingsException e) {
            return MssSettings.from(config.with("mss.operatorFile", ""), "");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
