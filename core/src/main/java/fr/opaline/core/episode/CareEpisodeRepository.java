package fr.opaline.core.episode;

import static fr.opaline.core.persistence.generated.Tables.CARE_EPISODE;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.persistence.generated.tables.records.CareEpisodeRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

public final class CareEpisodeRepository {

    private final DSLContext ctx;

    public CareEpisodeRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void insert(CareEpisode e) {
        ctx.executeInsert(toRecord(e));
    }

    public CareEpisode update(CareEpisode e) {
        CareEpisodeRecord r = toRecord(e);
        r.setRowVersion(e.rowVersion() + 1);
        r.changed(CARE_EPISODE.ID, false);
        int n = ctx.update(CARE_EPISODE).set(r)
                .where(CARE_EPISODE.ID.eq(e.id()).and(CARE_EPISODE.ROW_VERSION.eq(e.rowVersion()))).execute();
        if (n != 1) {
            throw new BusinessRuleException("La prise en charge a été modifiée entre-temps par un autre poste. Recommencez.");
        }
        return toDomain(r);
    }

    public Optional<CareEpisode> findById(UUID id) {
        return ctx.selectFrom(CARE_EPISODE).where(CARE_EPISODE.ID.eq(id)).fetchOptional(CareEpisodeRepository::toDomain);
    }

    /** The patient's open episode, the most recent if several. */
    public Optional<CareEpisode> findOpen(UUID patientId) {
        return ctx.selectFrom(CARE_EPISODE)
                .where(CARE_EPISODE.PATIENT_ID.eq(patientId).and(CARE_EPISODE.CLOSED_AT.isNull()))
                .orderBy(CARE_EPISODE.OPENED_AT.desc()).limit(1)
                .fetchOptional(CareEpisodeRepository::toDomain);
    }

    public List<CareEpisode> findByPatient(UUID patientId) {
        return ctx.selectFrom(CARE_EPISODE).where(CARE_EPISODE.PATIENT_ID.eq(patientId))
                .orderBy(CARE_EPISODE.OPENED_AT.desc()).fetch(CareEpisodeRepository::toDomain);
    }

    CareEpisodeRecord toRecord(CareEpisode e) {
        CareEpisodeRecord r = ctx.newRecord(CARE_EPISODE);
        r.setId(e.id());
        r.setPatientId(e.patientId());
        r.setOpenedAt(e.openedAt());
        r.setClosedAt(e.closedAt());
        r.setPatientInformed(e.patientInformed());
        r.setDmpFeedingOpposition(e.dmpFeedingOpposition());
        r.setDmpConsultationConsent(e.consultationConsent().name());
        r.setConsentRecordedAt(e.consentRecordedAt());
        r.setConsentRecordedBy(e.consentRecordedBy());
        r.setBreakGlassAt(e.breakGlassAt());
        r.setBreakGlassBy(e.breakGlassBy());
        r.setBreakGlassReason(e.breakGlassReason());
        r.setRowVersion(e.rowVersion());
        return r;
    }

    static CareEpisode toDomain(CareEpisodeRecord r) {
        return new CareEpisode(r.getId(), r.getPatientId(), r.getOpenedAt(), r.getClosedAt(), r.getPatientInformed(),
                r.getDmpFeedingOpposition(), ConsultationConsent.valueOf(r.getDmpConsultationConsent()),
                r.getConsentRecordedAt(), r.getConsentRecordedBy(), r.getBreakGlassAt(), r.getBreakGlassBy(),
                r.getBreakGlassReason(), r.getRowVersion());
    }
}
