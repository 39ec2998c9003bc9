package fr.opaline.dmp.consent;

import static fr.opaline.core.persistence.generated.Tables.DMP_CONSENT_EVENT;

import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.persistence.generated.tables.records.DmpConsentEventRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The consent trace (dmp_consent_event). */
public final class ConsentEvents {

    private final DSLContext ctx;

    public ConsentEvents(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(ConsentEvent e) {
        DmpConsentEventRecord r = ctx.newRecord(DMP_CONSENT_EVENT);
        r.setId(e.id());
        r.setEpisodeId(e.episodeId());
        r.setPatientId(e.patientId());
        r.setRecordedAt(e.recordedAt());
        r.setRecordedBy(e.recordedBy());
        r.setActorLogin(e.actorLogin());
        r.setPatientInformed(e.patientInformed());
        r.setFeedingOpposition(e.feedingOpposition());
        r.setConsultationConsent(e.consultation().name());
        r.setBreakGlass(e.breakGlass());
        r.setReason(e.reason());
        r.setOrigin(e.origin().name());
        r.insert();
    }

    /** The episode's decisions, oldest first. */
    public List<ConsentEvent> ofEpisode(UUID episodeId) {
        return ctx.selectFrom(DMP_CONSENT_EVENT).where(DMP_CONSENT_EVENT.EPISODE_ID.eq(episodeId))
                .orderBy(DMP_CONSENT_EVENT.RECORDED_AT, DMP_CONSENT_EVENT.ID).fetch(ConsentEvents::toDomain);
    }

    /** The latest decision of the episode that is a consent (break-glass excluded), if any. */
    public Optional<ConsentEvent> latestDecision(UUID episodeId) {
        return ctx.selectFrom(DMP_CONSENT_EVENT)
                .where(DMP_CONSENT_EVENT.EPISODE_ID.eq(episodeId)).and(DMP_CONSENT_EVENT.BREAK_GLASS.isFalse())
                .orderBy(DMP_CONSENT_EVENT.RECORDED_AT.desc(), DMP_CONSENT_EVENT.ID.desc()).limit(1)
                .fetchOptional(ConsentEvents::toDomain);
    }

    public Optional<ConsentEvent> latestBreakGlass(UUID episodeId) {
        return ctx.selectFrom(DMP_CONSENT_EVENT)
                .where(DMP_CONSENT_EVENT.EPISODE_ID.eq(episodeId)).and(DMP_CONSENT_EVENT.BREAK_GLASS.isTrue())
                .orderBy(DMP_CONSENT_EVENT.RECORDED_AT.desc(), DMP_CONSENT_EVENT.ID.desc()).limit(1)
                .fetchOptional(ConsentEvents::toDomain);
    }

    static ConsentEvent toDomain(DmpConsentEventRecord r) {
        return new ConsentEvent(r.getId(), r.getEpisodeId(), r.getPatientId(), r.getRecordedAt(), r.getRecordedBy(),
                r.getActorLogin(), r.getPatientInformed(), r.getFeedingOpposition(),
                ConsultationConsent.valueOf(r.getConsultationConsent()), r.getBreakGlass(), r.getReason(),
                ConsentOrigin.valueOf(r.getOrigin()));
    }
}
