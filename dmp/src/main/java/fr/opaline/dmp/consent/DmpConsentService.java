package fr.opaline.dmp.consent;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.episode.CareEpisodeService;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.dmp.DmpAuditActions;
import fr.opaline.dmp.DmpChanges;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records the patient's DMP choices for the current care episode, exactly as the DSR's matrix
 * (3.2.2 a, SC.DMP/CONF.06, 06.BIS, 09.BIS, 13): feeding allowed unless the informed patient
 * opposes; consultation forbidden until the informed patient consents; both changeable at any
 * time; break-glass only by a health professional, with a reason, in an emergency. Every decision
 * updates the episode, is traced in {@code dmp_consent_event} and audited, and notifies the DICA.
 */
public final class DmpConsentService {

    public static final int MIN_BREAK_GLASS_REASON = 10;

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final CareEpisodeService episodes;
    private final DmpChanges changes;

    public DmpConsentService(Database database, AuditTrail audit, IdGenerator ids, Clock clock,
                             CareEpisodeService episodes, DmpChanges changes) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.episodes = episodes;
        this.changes = changes;
    }

    /**
     * Records the decision on the patient's open episode (opened now if none). Expressing a choice
     * means the patient was informed, so {@code patientInformed} is set whenever a choice is made.
     */
    public CareEpisode record(UUID patientId, ConsentDecision decision, ConsentOrigin origin, Actor actor) {
        CareEpisode updated = database.inTransaction(ctx -> {
            CareEpisode episode = episodes.currentOrOpen(ctx, patientId, actor);
            boolean informed = decision.patientInformed() || decision.feedingOpposition()
                    || decision.consultation() != ConsultationConsent.NOT_ASKED;
            Instant now = clock.instant();
            CareEpisode changed = new CareEpisode(episode.id(), episode.patientId(), episode.openedAt(),
                    episode.closedAt(), informed, decision.feedingOpposition(), decision.consultation(), now,
                    actor.userId(), episode.breakGlassAt(), episode.breakGlassBy(), episode.breakGlassReason(),
                    episode.rowVersion());
            CareEpisode saved = new CareEpisodeRepository(ctx).update(changed);
            new ConsentEvents(ctx).insert(new ConsentEvent(ids.newId(), episode.id(), patientId, now, actor.userId(),
                    actor.login(), informed, decision.feedingOpposition(), decision.consultation(), false, null, origin));
            audit.record(ctx, AuditEntry.of(actor, AuditAction.CONSENT_CHANGED, patientId).on("care_episode", episode.id())
                    .withDetail(describe(informed, decision) + " (" + origin.name().toLowerCase() + ")"));
            return saved;
        });
        changes.changed(patientId);
        return updated;
    }

    /**
     * Emergency access without consent: only a health professional (radiologist or technologist
     * with an RPPS), only with a reason, recorded on the episode and audited.
     */
    public CareEpisode breakGlass(UUID patientId, String reason, UserAccount professional, Actor actor) {
        if (professional.rpps() == null || professional.role() != Role.RADIOLOGUE && professional.role() != Role.MANIPULATEUR) {
            throw new BusinessRuleException("Le bris de glace est réservé aux professionnels de santé identifiés par leur "
                    + "RPPS, pour une urgence.");
        }
        if (reason == null || reason.strip().length() < MIN_BREAK_GLASS_REASON) {
            throw new BusinessRuleException("Indiquez le motif de l'accès en urgence (bris de glace), "
                    + MIN_BREAK_GLASS_REASON + " caractères au moins.");
        }
        if (reason.length() > 1000) {
            throw new BusinessRuleException("Le motif ne doit pas dépasser 1000 caractères.");
        }
        String text = reason.strip();
        CareEpisode updated = database.inTransaction(ctx -> {
            CareEpisode episode = episodes.currentOrOpen(ctx, patientId, actor);
            Instant now = clock.instant();
            CareEpisode changed = new CareEpisode(episode.id(), episode.patientId(), episode.openedAt(),
                    episode.closedAt(), episode.patientInformed(), episode.dmpFeedingOpposition(),
                    episode.consultationConsent(), episode.consentRecordedAt(), episode.consentRecordedBy(), now,
                    professional.id(), text, episode.rowVersion());
            CareEpisode saved = new CareEpisodeRepository(ctx).update(changed);
            new ConsentEvents(ctx).insert(new ConsentEvent(ids.newId(), episode.id(), patientId, now, professional.id(),
                    actor.login(), episode.patientInformed(), episode.dmpFeedingOpposition(),
                    episode.consultationConsent(), true, text, ConsentOrigin.DICA));
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.BREAK_GLASS, patientId).on("care_episode", episode.id())
                    .withDetail("Accès au DMP en bris de glace par RPPS " + professional.rpps() + " : " + text));
            return saved;
        });
        changes.changed(patientId);
        return updated;
    }

    public Optional<CareEpisode> currentEpisode(UUID patientId) {
        return new CareEpisodeRepository(database.dsl()).findOpen(patientId);
    }

    public List<ConsentEvent> history(UUID episodeId) {
        return new ConsentEvents(database.dsl()).ofEpisode(episodeId);
    }

    public CareEpisode episode(UUID episodeId) {
        return new CareEpisodeRepository(database.dsl()).findById(episodeId)
                .orElseThrow(() -> new NotFoundException("Prise en charge introuvable"));
    }

    static String describe(boolean informed, ConsentDecision d) {
        return (informed ? "patient informé" : "patient non informé")
                + (d.feedingOpposition() ? ", s'oppose à l'alimentation du DMP" : ", ne s'oppose pas à l'alimentation")
                + ", consultation : " + d.consultation().label().toLowerCase();
    }
}
