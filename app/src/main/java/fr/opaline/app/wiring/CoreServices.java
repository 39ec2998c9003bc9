package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.audit.AuditAnchors;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.catalogue.CatalogueService;
import fr.opaline.core.backup.DatabaseRecovery;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.episode.CareEpisodeService;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.RetryPolicy;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.scheduling.BookingService;
import fr.opaline.core.uid.UidGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The core services of one process, wired by constructor on one database. Module wirings
 * (INS, DMP, …) take this as their starting point.
 */
public final class CoreServices implements AutoCloseable {

    public static final ZoneId PRACTICE_ZONE = ZoneId.of("Europe/Paris");

    public final OpalineConfig config;
    public final Database database;
    public final Clock clock;
    public final IdGenerator ids;
    public final AuditTrail audit;
    public final PracticeSettings settings;
    public final PracticeProfile profile;
    public final UidGenerator uids;
    public final PatientService patients;
    public final CareEpisodeService episodes;
    public final BookingService booking;
    public final Outbox outbox;
    public final CatalogueService catalogue;

    /** The module service graphs built over these core services, each once (see {@link #shared}). */
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    private CoreServices(OpalineConfig config, Database database, Clock clock, IdGenerator ids) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.ids = ids;
        this.audit = AuditTrail.keyed(database, clock, config.auditKeyFile(), new AuditAnchors(config.auditAnchorFile()));
        this.settings = new PracticeSettings(database);
        this.profile = settings.profile();
        this.uids = new UidGenerator(profile.uidRoot());
        this.patients = new PatientService(database, audit, ids, clock, profile.ippIssuerOid());
        this.episodes = new CareEpisodeService(database, audit, ids, clock);
        this.booking = new BookingService(database, audit, ids, clock, uids, episodes);
        this.outbox = new Outbox(database, audit, ids, clock, new RetryPolicy(
                config.getDuration("outbox.retry.first", Duration.ofSeconds(15)),
                config.getDuration("outbox.retry.max", Duration.ofHours(1)), 0.2));
        this.catalogue = new CatalogueService(database, audit, ids);
        // The outbound HL7 routes (ADT, ORM) hear every identity and booking change of this process.
        fr.opaline.hl7.route.RouteTriggers routes = new fr.opaline.hl7.route.RouteTriggers(outbox);
        patients.addChangeListener(routes);
        booking.addListener(routes);
    }

    /**
     * A module's service graph over these core services, built on first use and then shared by
     * every caller of the process (the server's listeners and job handlers, the desktop, a command),
     * so that, for instance, one DMP client serves both the renewal scan and the feeding handlers.
     */
    public <T> T shared(Class<T> graph, Supplier<T> build) {
        Object existing = shared.get(graph);
        if (existing == null) {
            synchronized (shared) {
                existing = shared.get(graph);
                if (existing == null) {
                    existing = build.get();
                    shared.put(graph, existing);
                }
            }
        }
        return graph.cast(existing);
    }

    /** Opens the configured database, migrating it to the current schema. */
    public static CoreServices open(OpalineConfig config) {
        Clock clock = Clock.system(PRACTICE_ZONE);
        return open(config, clock, IdGenerator.timeOrdered(clock));
    }

    public static CoreServices open(OpalineConfig config, Clock clock, IdGenerator ids) {
        Database database = DatabaseRecovery.openAndMigrate(config.database(),
                BackupWiring.backupDirectory(config));
        try {
            return new CoreServices(config, database, clock, ids);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Core services over an already open database (the caller keeps ownership of it). */
    public static CoreServices over(OpalineConfig config, Database database, Clock clock, IdGenerator ids) {
        return new CoreServices(config, database, clock, ids);
    }

    @Override
    public void close() {
        database.close();
    }
}
