package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.lifecycle.PeriodicTask;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.dmp.DmpChanges;
import fr.opaline.dmp.DmpSettings;
import fr.opaline.dmp.authorization.AuthorizationRenewal;
import fr.opaline.dmp.authorization.AuthorizationRenewalHandler;
import fr.opaline.dmp.authorization.DmpAuthorizations;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpEndpoints;
import fr.opaline.dmp.client.HttpDmpTransport;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.dmp.feeding.DmpFeedHandler;
import fr.opaline.dmp.feeding.DmpFeedingListener;
import fr.opaline.dmp.feeding.DmpFeedingService;
import fr.opaline.dmp.feeding.DmpVisibilityHandler;
import fr.opaline.dmp.feeding.ReceivedDocumentFeedHandler;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.vihf.VihfStructure;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;

/**
 * The DMP services of one process, over its {@link DmpSettings} ({@code dmp.*}): the client over mutual TLS with the practice's
 * certificate when {@code dmp.url} is set; consent, DICA and feeding services always (consent is
 * recorded even without a DMP); in the practice server the feeding, visibility and authorisation
 * renewal handlers and the renewal scan; the sandbox DMP of {@code opaline sandbox}.
 */
public final class DmpWiring implements ServerContribution {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DmpWiring.class);

    /** One process's DMP services; {@code client}, {@code authorizations}, {@code consultation} null without dmp.url. */
    public record DmpServices(DmpClient client, DmpChanges changes, ConsentGuard guard, DmpConsentService consent,
                              DicaService dica, DmpFeedingService feeding, DmpAuthorizations authorizations,
                              DmpConsultationService consultation) {
    }

    public static boolean configured(OpalineConfig config) {
        return DmpSettings.from(config).enabled();
    }

    /** The process's DMP settings, read once over these core services' configuration. */
    public static DmpSettings settings(CoreServices core) {
        return core.shared(DmpSettings.class, () -> DmpSettings.from(core.config));
    }

    /** The process's DMP services (one client), built once over these core services. */
    public static DmpServices dmpServices(CoreServices core) {
        return core.shared(DmpServices.class, () -> build(core));
    }

    private static DmpServices build(CoreServices core) {
        DmpChanges changes = new DmpChanges();
        ConsentGuard guard = new ConsentGuard(core.database, core.clock);
        DmpConsentService consent = new DmpConsentService(core.database, core.audit, core.ids, core.clock, core.episodes,
                changes);
        DicaService dica = new DicaService(core.database, guard, changes, core.clock);
        DmpFeedingService feeding = new DmpFeedingService(core.database, core.outbox, core.audit, core.clock,
                settings(core).feeding());
        DmpClient client = client(core);
        if (client == null) {
            return new DmpServices(null, changes, guard, consent, dica, feeding, null, null);
        }
        DmpAuthorizations authorizations = new DmpAuthorizations(core.database, client, core.audit, core.ids, core.clock);
        DmpConsultationService consultation = new DmpConsultationService(core.database, guard, client, authorizations,
                core.audit, changes, core.ids, core.clock, client.signer().structure().structureId());
        return new DmpServices(client, changes, guard, consent, dica, feeding, authorizations, consultation);
    }

    /** The listener scheduling the DMP send of every validated CR, when a DMP is configured; else null. */
    public static DmpFeedingListener publicationListener(CoreServices core) {
        DmpSettings settings = settings(core);
        return settings.enabled() ? new DmpFeedingListener(core.outbox, core.clock, settings.feeding()) : null;
    }

    /**
     * The client, or null without {@code dmp.url}. The structure's authentication certificate
     * ({@code dmp.keystore}, PKCS#12) authenticates the TLS channel; its signature certificate
     * ({@code dmp.signature.keystore}, the "cachet") signs the VIHF and the submissions (the
     * authentication one when none is configured, with a warning); the DMP's authority is trusted
     * from {@code dmp.truststore}. The structure identifier is {@code dmp.structureId}, else the
     * authentication certificate's OU (IGC Santé), else its CN, else 1 + FINESS.
     */
    public static DmpClient client(CoreServices core) {
        DmpSettings settings = settings(core);
        if (!settings.enabled()) {
            return null;
        }
        Path keystore = settings.requireKeystore();
        PracticeCredentials credentials;
        try {
            credentials = PracticeCredentials.load(keystore, settings.keystorePassword().toCharArray(),
                    settings.truststore(), settings.truststorePassword().toCharArray());
        } catch (Exception e) {
            throw new ConfigException("dmp.keystore : certificat illisible (" + keystore + ") : " + e.getMessage());
        }
        PracticeCredentials signing;
        try {
            signing = settings.oneCertificate() ? credentials : PracticeCredentials.load(settings.signatureKeystore(),
                    settings.signatureKeystorePassword().toCharArray(), null, null);
        } catch (Exception e) {
            throw new ConfigException("dmp.signature.keystore : certificat de signature illisible ("
                    + settings.signatureKeystore() + ") : " + e.getMessage());
        }
        if (settings.oneCertificate()) {
            LOG.warn("DMP : un seul certificat (dmp.keystore) pour le TLS et la signature du VIHF ; le DMP attend un "
                    + "certificat de signature (cachet, dmp.signature.keystore) distinct");
        }
        VihfStructure structure = new VihfStructure(credentials.structureId(settings.structureId(), core.profile),
                settings.activitySector(), settings.lpsId(), "Opaline", fr.opaline.app.OpalineVersion.version(),
                settings.lpsHomologation());
        try {
            return new DmpClient(new DmpEndpoints(settings.url()), new HttpDmpTransport(credentials.clientContext(),
                    settings.connectTimeout(), settings.timeout(), 64L * 1024 * 1024),
                    new VihfSigner(signing.key(), signing.certificate(), structure),
                    new DmpClient.Source(core.profile.uidRoot().value() + ".8", "Opaline",
                            new ProvideAndRegisterRequest.Source(core.profile.uidRoot().value() + ".7",
                                    XdsVocabulary.CONTENT_TYPE_EXTERNAL_CARE)),
                    core.clock);
        } catch (Exception e) {
            throw new ConfigException("dmp : canal TLS impossible à établir : " + e.getMessage());
        }
    }

    @Override
    public List<ManagedService> services(CoreServices core) {
        DmpSettings settings = settings(core);
        if (!settings.enabled()) {
            return List.of();
        }
        DmpServices dmp = dmpServices(core);
        AuthorizationRenewal renewal = new AuthorizationRenewal(dmp.authorizations(), core.outbox, core.clock,
                settings.renewBefore());
        return List.of(new PeriodicTask(AuthorizationRenewal.SERVICE_NAME, settings.scanInterval(), renewal::scan));
    }

    @Override
    public List<JobHandler> jobHandlers(CoreServices core) {
        if (!settings(core).enabled()) {
            return List.of();
        }
        DmpServices dmp = dmpServices(core);
        DmpFeedHandler feed = new DmpFeedHandler(core.database, dmp.client(), core.outbox, core.ids, core.clock,
                dmp.client().signer().structure().structureId());
        // a teleradiology CR received by ORU, due after hl7.teleradiology.dmpDelay (RIS.TLR/INT.02)
        return List.of(feed, new ReceivedDocumentFeedHandler(core.database, feed),
                new DmpVisibilityHandler(core.database, dmp.client()),
                new AuthorizationRenewalHandler(core.database, dmp.guard(), dmp.authorizations()));
    }

    /**
     * The sandbox DMP ({@code sandbox.dmp.port}); its test PKI is made at start for the structure
     * {@code sandbox.dmp.structureId} (default: the demo practice, 1 + its fictitious FINESS) and
     * its client files (address, keystores) written in the sandbox directory.
     */
    public static SandboxService sandbox(OpalineConfig config, Path stateDirectory) {
        return new DmpSandbox(config.getInt("sandbox.dmp.port", 0),
                DmpSandbox.pki(config.get("sandbox.dmp.structureId", "1690000013")), stateDirectory,
                Clock.systemUTC(), config.getBoolean("sandbox.dmp.seed", true));
    }

    /** The demo's configuration pointed at the sandbox DMP it started, unless the user configured a DMP. */
    public static OpalineConfig pointedAtSandbox(OpalineConfig config, List<SandboxService> sandboxes, Path stateDirectory) {
        if (configured(config)) {
            return config;
        }
        for (SandboxService s : sandboxes) {
            if (s instanceof DmpSandbox) {
                Properties p = new Properties();
                try (InputStream in = Files.newInputStream(stateDirectory.resolve(DmpSandbox.CLIENT_FILE))) {
                    p.load(in);
                } catch (Exception e) {
                    throw new ConfigException("Bac à sable DMP : fichier " + DmpSandbox.CLIENT_FILE + " illisible : "
                            + e.getMessage());
                }
                return config.with("dmp.url", p.getProperty("url"))
                        .with("dmp.keystore", p.getProperty("keystore"))
                        .with("dmp.signature.keystore", p.getProperty("signature.keystore"))
                        .with("dmp.truststore", p.getProperty("truststore"))
                        .with("dmp.keystore.password", p.getProperty("password"));
            }
        }
        return config;
    }
}
