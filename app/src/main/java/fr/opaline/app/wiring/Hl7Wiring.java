package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.core.common.Actor;
import fr.opaline.hl7.inbound.Hl7Listener;
import fr.opaline.hl7.inbound.Hl7PeerGate;
import fr.opaline.hl7.mllp.MllpMemory;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import fr.opaline.hl7.inbound.Hl7Receiver;
import fr.opaline.hl7.inbound.InboundHandler;
import fr.opaline.hl7.inbound.InboundMessageStore;
import fr.opaline.hl7.lps.MssanteDocumentHandler;
import fr.opaline.hl7.lps.ReceivedDocuments;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.mllp.MllpServerSettings;
import fr.opaline.hl7.pam.PatientAdministrationHandler;
import fr.opaline.hl7.pam.PatientMerge;
import fr.opaline.hl7.sent.BusinessAckHandler;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.sent.SentMessageLog;
import fr.opaline.hl7.teleradiology.OutboxReceivedDocumentFeed;
import fr.opaline.hl7.teleradiology.TeleradiologyRequests;
import fr.opaline.hl7.teleradiology.TeleradiologyResultHandler;
import fr.opaline.hl7.route.Hl7Routes;
import fr.opaline.hl7.route.RouteSender;
import fr.opaline.hl7.transmission.MessageRouting;
import fr.opaline.hl7.transmission.ReportTransmissions;
import fr.opaline.platform.tls.KeyStores;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * HL7 v2 in the practice server: the MLLP listener ({@code hl7.listener.port}) with the handlers
 * of the received flows (MSSanté documents from the PFI, ZAM business acknowledgements,
 * teleradiology results, ADT/PAM), and the sender of teleradiology requests.
 */
public final class Hl7Wiring implements ServerContribution {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7Wiring.class);

    /** A sender (its own kept MLLP connections) logging into this database. */
    static Hl7Sender sender(CoreServices core) {
        return new Hl7Sender(new SentMessageLog(core.database, core.ids, core.clock));
    }

    @Override
    public List<ManagedService> services(CoreServices core) {
        if (core.config.get("hl7.listener.port").isEmpty()) {
            return List.of();
        }
        MllpServerSettings settings = new MllpServerSettings(core.config.get("hl7.listener.bind", "0.0.0.0"),
                core.config.getInt("hl7.listener.port", 2575),
                core.config.getDuration("hl7.listener.idleTimeout", Duration.ofMinutes(5)),
                core.config.getInt("hl7.listener.maxMessageBytes", MllpServerSettings.DEFAULT_MAX_MESSAGE_BYTES),
                core.config.getInt("hl7.listener.maxConnections", 32),
                tls(core.config, "hl7.listener.tls"), core.config.getBoolean("hl7.listener.tls.clientAuth", false),
                core.config.getDuration("hl7.listener.messageTimeout", MllpServerSettings.DEFAULT_MESSAGE_TIMEOUT),
                1024L * 1024 * core.config.getInt("hl7.listener.memoryBudgetMb",
                        (int) (MllpMemory.DEFAULT_BUDGET / (1024 * 1024))),
                core.config.getPath("hl7.listener.spoolDirectory", null),
                core.config.getInt("hl7.listener.strangerConnections", MllpServerSettings.DEFAULT_STRANGER_CONNECTIONS));
        TrustedCorrespondents registry = InsWiring.insServices(core).correspondents();
        foldTeleradiologySenders(core, registry);
        Hl7Receiver receiver = new Hl7Receiver("cabinet", new InboundMessageStore(core.database, core.ids, core.clock),
                handlers(core), defaultCharset(core.config), new Hl7PeerGate(registry), core.audit, core.clock);
        return List.of(new Hl7Listener("cabinet", settings, receiver));
    }

    /**
     * {@code hl7.teleradiology.senders} (before the peer registry) becomes teleradiology peers: each
     * MSH-3 not yet declared is added, allowed ORU^R01 from {@code hl7.teleradiology.host} when that
     * is an address; otherwise its source addresses remain to be declared, as the log says.
     */
    static void foldTeleradiologySenders(CoreServices core, TrustedCorrespondents registry) {
        List<String> addresses = core.config.get("hl7.teleradiology.host")
                .filter(h -> h.matches("[0-9A-Fa-f.:]+")).map(List::of).orElse(List.of());
        for (String sender : list(core.config.get("hl7.teleradiology.senders", ""))) {
            if (registry.hl7Peer(sender).isPresent()) {
                continue;
            }
            registry.addHl7Peer(new Hl7PeerDeclaration("Plateforme de téléradiologie " + sender, Channel.TELERADIOLOGIE,
                    sender, null, addresses, null, null, false, null), Actor.system("configuration"));
            if (addresses.isEmpty()) {
                LOG.warn("Plateforme de téléradiologie « {} » (hl7.teleradiology.senders) déclarée comme pair HL7 sans "
                        + "adresse source : ses messages seront refusés. Déclarez son adresse : opaline hl7 peers update {} "
                        + "--addresses ADRESSE", sender, sender);
            }
        }
    }

    static List<InboundHandler> handlers(CoreServices core) {
        var ins = InsWiring.insServices(core);
        TrustedCorrespondents registry = ins.correspondents();
        ReceivedDocuments received = new ReceivedDocuments(core.ids, core.clock);
        return List.of(
                new MssanteDocumentHandler(core.database, received, core.audit),
                new BusinessAckHandler(core.database, new SentMessageLog(core.database, core.ids, core.clock)),
                new TeleradiologyResultHandler(core.database, received, new OutboxReceivedDocumentFeed(core.outbox),
                        core.audit, app -> registry.hl7Peer(app)
                                .filter(p -> p.active() && p.channel() == Channel.TELERADIOLOGIE).isPresent(),
                        core.config.getDuration("hl7.teleradiology.dmpDelay", Duration.ZERO),
                        core.profile.ippIssuerOid(), core.clock),
                new PatientAdministrationHandler(core.database, ins.received(), core.episodes,
                        new PatientMerge(core.audit, core.patients), core.profile.ippIssuerOid(), core.clock));
    }

    @Override
    public List<JobHandler> jobHandlers(CoreServices core) {
        MllpEndpoint platform = endpoint(core.config, "hl7.teleradiology");
        MessageRouting routing = new MessageRouting(core.config.get("hl7.application", "OPALINE"), facility(core),
                core.config.get("hl7.teleradiology.application", "TELERADIOLOGIE"),
                core.config.get("hl7.teleradiology.facility", "TELERADIOLOGIE"), "P", charset(core.config,
                "hl7.teleradiology.charset"));
        List<JobHandler> handlers = new java.util.ArrayList<>();
        handlers.add(TeleradiologyRequests.handler(core.database, core.profile, routing, platform, sender(core),
                core.clock));
        handlers.addAll(RouteSender.handlers(core.database, new ReportTransmissions(loader(core), core.clock),
                routeSettings(core), sender(core), core.clock));
        return handlers;
    }

    /**
     * What the outbound routes of the peer registry send with: MSH-3 {@code hl7.application}, MSH-4
     * {@code hl7.facility}, MSH-18 {@code hl7.routes.charset}, and for a route with TLS our certificate
     * {@code hl7.routes.tls.keystore} (else the JVM's default trust, no client certificate); DESTDMP N
     * when this installation feeds the DMP itself ({@code dmp.url}).
     */
    static RouteSender.Settings routeSettings(CoreServices core) {
        return new RouteSender.Settings(core.profile, core.config.get("hl7.application", "OPALINE"), facility(core),
                charset(core.config, "hl7.routes.charset"), () -> {
                    SSLContext tls = tls(core.config, "hl7.routes.tls");
                    try {
                        return tls != null ? tls : SSLContext.getDefault();
                    } catch (Exception e) {
                        throw new ConfigException("hl7.routes.tls : " + e.getMessage());
                    }
                }, core.config.getDuration("hl7.routes.connectTimeout", Duration.ofSeconds(10)),
                core.config.getDuration("hl7.routes.readTimeout", Duration.ofSeconds(30)),
                DmpWiring.configured(core.config));
    }

    /** The outbound routes of the HL7 peer registry (opaline hl7 routes, Administration screen). */
    public static Hl7Routes routes(CoreServices core) {
        return new Hl7Routes(core.database, InsWiring.insServices(core).correspondents(), core.audit, core.ids,
                core.clock);
    }

    /**
     * Requests to the teleradiology platform ({@code hl7.teleradiology.host}), named
     * {@code hl7.teleradiology.name} (default: its application); refused when no platform is configured.
     */
    public static TeleradiologyRequests teleradiology(CoreServices core) {
        String platform = core.config.get("hl7.teleradiology.host").isEmpty() ? null
                : core.config.get("hl7.teleradiology.name",
                        core.config.get("hl7.teleradiology.application", "TELERADIOLOGIE"));
        return new TeleradiologyRequests(core.database, core.outbox, core.audit, platform);
    }

    static String facility(CoreServices core) {
        return core.config.get("hl7.facility", core.profile.finess() != null ? core.profile.finess() : core.profile.name());
    }

    static ReportDataLoader loader(CoreServices core) {
        return new ReportDataLoader(core.profile, core.settings.get(ReportDataLoader.FACILITY_TYPE_SETTING).orElse(null),
                ReportWiring.drimbox(core.config));
    }

    /** {@code <prefix>.host} and {@code <prefix>.port}, or null when no host is configured. */
    static MllpEndpoint endpoint(OpalineConfig config, String prefix) {
        String host = config.get(prefix + ".host").orElse(null);
        if (host == null) {
            return null;
        }
        int port = config.getInt(prefix + ".port", 0);
        if (port <= 0) {
            throw new ConfigException(prefix + ".port : port MLLP manquant ou invalide");
        }
        SSLContext tls = null;
        if (config.getBoolean(prefix + ".tls", false)) {
            tls = tls(config, prefix + ".tls");
            if (tls == null) {
                try {
                    tls = SSLContext.getDefault();
                } catch (Exception e) {
                    throw new ConfigException(prefix + ".tls : " + e.getMessage());
                }
            }
        }
        return new MllpEndpoint(host, port, config.getDuration(prefix + ".connectTimeout", Duration.ofSeconds(10)),
                config.getDuration(prefix + ".readTimeout", Duration.ofSeconds(30)), tls);
    }

    static Charset charset(OpalineConfig config, String key) {
        String value = config.get(key, Hl7Charsets.UTF_8);
        return Hl7Charsets.forMsh18(value).orElseThrow(() -> new ConfigException(key + " : jeu de caractères « " + value
                + " » non pris en charge (UNICODE UTF-8, 8859/1 ou 8859/15)"));
    }

    static Charset defaultCharset(OpalineConfig config) {
        return charset(config, "hl7.charset.default");
    }

    static Set<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    /**
     * A TLS context from {@code <prefix>.keystore} (PKCS#12, our certificate) and optionally
     * {@code <prefix>.truststore} (PKCS#12, the peers' CA); null when no keystore is configured.
     */
    static SSLContext tls(OpalineConfig config, String prefix) {
        Path keystore = config.getPath(prefix + ".keystore", null);
        if (keystore == null) {
            return null;
        }
        try {
            return KeyStores.sslContext(keystore, config.get(prefix + ".password", "").toCharArray(),
                    config.getPath(prefix + ".truststore", null),
                    config.get(prefix + ".truststorePassword", "").toCharArray());
        } catch (Exception e) {
            throw new ConfigException(prefix + ".keystore : certificat illisible (" + keystore + ") : " + e.getMessage());
        }
    }
}
