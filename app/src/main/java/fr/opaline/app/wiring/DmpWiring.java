package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.lifecycle.PeriodicTask;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.dmp.DmpChanges;
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
import fr.opaline.dmp.feeding.DmpFeedingSettings;
import fr.opaline.dmp.feeding.DmpVisibilityHandler;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.vihf.VihfStructure;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The DMP services of one process ({@code dmp.*}): the client over mutual TLS with the practice's
 * certificate when {@code dmp.url} is set; consent, DICA and feeding services always (consent is
 * recorded even without a DMP); in the practice server the feeding, visibility and authorisation
 * renewal handlers and the renewal scan; the sandbox DMP of {@code opaline sandbox}.
 */
public final class DmpWiring implements ServerContribution {

    /** One process's DMP services; {@code client}, {@code authorizations}, {@code consultation} null without dmp.url. */
    public record DmpServices(DmpClient client, DmpChanges changes, ConsentGuard guard, DmpConsentService consent,
                              DicaService dica, DmpFeedingService feeding, DmpAuthorizations authorizations,
                              DmpConsultationService consultation) {
    }

    public static boolean configured(OpalineConfig config) {
        return config.get("dmp.url").isPresent();
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
                feedingSettings(core.config));
        DmpClient client = client(core);
        if (client == null) {
            return new DmpServices(null, changes, guard, consent, dica, feeding, null, null);
        }
        DmpAuthorizations authorizations = new DmpAuthorizations(core.database, client, core.audit, core.ids, core.clock);
        DmpConsultationService consultation = new DmpConsultationService(core.database, guard, client, authorizations,
                core.audit, changes, core.ids, core.clock, client.signer().structure().structureId());
        return new DmpServices(client, changes, guard, consent, dica, feeding, authorizations, consultation);
    }

    /** {@code dmp.feeding.deferral} (PT10M) and {@code dmp.feeding.maxAttempts} (200). */
    public static DmpFeedingSettings feedingSettings(OpalineConfig config) {
        return new DmpFeedingSettings(config.getDuration("dmp.feeding.deferral", DmpFeedingSettings.DEFAULT.deferral()),
                config.getInt("dmp.feeding.maxAttempts", DmpFeedingSettings.DEFAULT.maxAttempts()));
    }

    /** The listener scheduling the DMP send of every validated CR, when a DMP is configured; else null. */
    public static DmpFeedingListener publicationListener(CoreServices core) {
        return configured(core.config) ? new DmpFeedingListener(core.outbox, core.clock, feedingSettings(core.config))
                : null;
    }

    /**
     * The client, or null without {@code dmp.url}. The practice's certificate ({@code dmp.keystore},
     * PKCS#12, {@code dmp.keystore.password}) authenticates the TLS channel and signs the VIHF; the
     * DMP's authority is trusted from {@code dmp.truststore}. The structure identifier is
     * {@code dmp.structureId}, else the certificate's CN (the IDNST an establishment certificate
     * carries), else 1 + FINESS.
     */
    public static DmpClient client(CoreServices core) {
        OpalineConfig config = core.config;
        String url = config.get("dmp.url").orElse(null);
        if (url == null) {
            return null;
        }
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("dmp.url : adresse invalide « " + url + " »");
        }
        Path keystore = config.getPath("dmp.keystore", null);
        if (keystore == null) {
            throw new ConfigException("dmp.keystore : certificat de la structure (PKCS#12) requis pour le DMP");
        }
        char[] password = config.get("dmp.keystore.password", "").toCharArray();
        Path truststore = config.getPath("dmp.truststore", null);
        PracticeCredentials credentials;
        try {
            credentials = PracticeCredentials.load(keystore, password, truststore,
                    config.get("dmp.truststore.password", new String(password)).toCharArray());
        } catch (Exception e) {
            throw new ConfigException("dmp.keystore : certificat illisible (" + keystore + ") : " + e.getMessage());
        }
        VihfStructure structure = new VihfStructure(
                credentials.structureId(config.get("dmp.structureId").orElse(null), core.profile),
                config.get("dmp.activitySector", "SA08^1.2.250.1.71.4.2.4"), config.get("dmp.lps.id", "opaline"),
                "Opaline", fr.opaline.app.OpalineVersion.version(), config.get("dmp.lps.homologation", "OPALINE-NON-HOMOLOGUE"));
        try {
            return new DmpClient(new DmpEndpoints(base), new HttpDmpTransport(credentials.clientContext(),
                    config.getDuration("dmp.connectTimeout", Duration.ofSeconds(5)),
                    config.getDuration("dmp.timeout", Duration.ofSeconds(30)), 64L * 1024 * 1024),
                    new VihfSigner(credentials.key(), credentials.certificate(), structure),
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
        if (!configured(core.config)) {
            return List.of();
        }
        DmpServices dmp = dmpServices(core);
        AuthorizationRenewal renewal = new AuthorizationRenewal(dmp.authorizations(), core.outbox, core.clock,
                core.config.getDuration("dmp.authorization.renewBefore", AuthorizationRenewal.DEFAULT_MARGIN));
        return List.of(new PeriodicTask(AuthorizationRenewal.SERVICE_NAME,
                core.config.getDuration("dmp.authorization.scanInterval", Duration.ofHours(6)), renewal::scan));
    }

    @Override
    public List<JobHandler> jobHandlers(CoreServices core) {
        if (!configured(core.config)) {
            return List.of();
        }
        DmpServices dmp = dmpServices(core);
        return List.of(new DmpFeedHandler(core.database, dmp.client(), core.outbox, core.ids, core.clock,
                        dmp.client().signer().structure().structureId()),
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
                        .with("dmp.truststore", p.getProperty("truststore"))
                        .with("dmp.keystore.password", p.getProperty("password"));
            }
        }
        return config;
    }
}
