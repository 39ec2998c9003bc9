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
import fr.opaline.hl7.Hl7Settings;
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

    /** The process's HL7 settings, read once ({@link Hl7Settings#from}) and shared by the server and the CLI. */
    public static Hl7Settings settings(CoreServices core) {
        return core.shared(Hl7Settings.class, () -> Hl7Settings.from(core.config));
    }

    @Override
    public List<ManagedService> services(CoreServices core) {
        Hl7Settings hl7 = settings(core);
        if (hl7.listener() == null) {
            return List.of();
        }
        TrustedCorrespondents registry = InsWiring.insServices(core).correspondents();
        foldTeleradiologySenders(core, registry);
        Hl7Receiver receiver = new Hl7Receiver("cabinet", new InboundMessageStore(core.database, core.ids, core.clock),
                handlers(core), hl7.defaultCharset(), new Hl7PeerGate(registry), core.audit, core.clock);
        return List.of(new Hl7Listener("cabinet", hl7.listener(), receiver));
    }

    /**
     * {@code hl7.teleradiology.senders} (before the peer registry) becomes teleradiology peers: each
     * MSH-3 not yet declared is added, allowed ORU^R01 from {@code hl7.teleradiology.host} when that
     * is an address; otherwise its source addresses remain to be declared, as the log says.
     */
    static void foldTeleradiologySenders(CoreServices core, TrustedCorrespondents registry) {
        Hl7Settings hl7 = settings(core);
        List<String> addresses = java.util.Optional.ofNullable(hl7.teleradiology().endpoint()).map(MllpEndpoint::host)
                .filter(h -> h.matches("[0-9A-Fa-f.:]+")).map(List::of).orElse(List.of());
        for (String sender : hl7.senders()) {
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
                        settings(core).teleradiologyDmpDelay(),
                        core.profile.ippIssuerOid(), core.clock),
                new PatientAdministrationHandler(core.database, ins.received(), core.episodes,
                        new PatientMerge(core.audit, core.patients), core.profile.ippIssuerOid(), core.clock));
    }

    @Override
    public List<JobHandler> jobHandlers(CoreServices core) {
        Hl7Settings hl7 = settings(core);
        List<JobHandler> handlers = new java.util.ArrayList<>();
        handlers.add(TeleradiologyRequests.handler(core.database, core.profile,
                hl7.teleradiologyRouting(core.profile.finess(), core.profile.name()), hl7.teleradiology().endpoint(),
                sender(core), core.clock));
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
                    SSLContext tls = Hl7Settings.tls(core.config, "hl7.routes.tls");
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
        Hl7Settings.Teleradiology platform = settings(core).teleradiology();
        return new TeleradiologyRequests(core.database, core.outbox, core.audit,
                platform.configured() ? platform.name() : null);
    }

    static String facility(CoreServices core) {
        return settings(core).facility(core.profile.finess(), core.profile.name());
    }

    static ReportDataLoader loader(CoreServices core) {
        return new ReportDataLoader(core.profile, core.settings.get(ReportDataLoader.FACILITY_TYPE_SETTING).orElse(null),
                ReportWiring.drimbox(core.config));
    }

    /** {@code <prefix>.host} and {@code <prefix>.port}, or null when no host is configured. */
    static MllpEndpoint endpoint(OpalineConfig config, String prefix) {
        return Hl7Settings.endpoint(config, prefix);
    }

    static Charset charset(OpalineConfig config, String key) {
        return Hl7Settings.charset(config, key);
    }
}
