package fr.opaline.core.episode;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import java.time.Clock;
import java.util.UUID;
import org.jooq.DSLContext;

/** Opens care episodes with the DSR's defaults. Consent changes belong to the dmp module's rules. */
public final class CareEpisodeService {

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public CareEpisodeService(Database database, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The patient's open episode, opened now if there is none. The patient row is locked so
     * that two workstations booking at once do not open two episodes.
     */
    public CareEpisode currentOrOpen(DSLContext ctx, UUID patientId, Actor actor) {
        new PatientRepository(ctx).lockById(patientId);
        CareEpisodeRepository repository = new CareEpisodeRepository(ctx);
        return repository.findOpen(patientId).orElseGet(() -> {
            CareEpisode episode = new CareEpisode(ids.newId(), patientId, clock.instant(), null, false, false,
                    ConsultationConsent.NOT_ASKED, null, null, null, null, null, 0);
            repository.insert(episode);
            audit.record(ctx, AuditEntry.of(actor, AuditAction.EPISODE_OPENED, patientId).on("care_episode", episode.id()));
            return episode;
        });
    }

    public CareEpisode currentOrOpen(UUID patientId, Actor actor) {
        return database.inTransaction(ctx -> currentOrOpen(ctx, patientId, actor));
    }
}
