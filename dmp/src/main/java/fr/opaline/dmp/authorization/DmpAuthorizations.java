package fr.opaline.dmp.authorization;

import static fr.opaline.core.persistence.generated.Tables.CARE_EPISODE;
import static fr.opaline.core.persistence.generated.Tables.DMP_AUTHORIZATION;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.generated.tables.records.DmpAuthorizationRecord;
import fr.opaline.dmp.DmpAuditActions;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpException;
import fr.opaline.dmp.consent.ConsultationPermit;
import fr.opaline.dmp.hl7v3.AuthorizationStatus;
import fr.opaline.dmp.vihf.PurposeOfUse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The professional's individual authorisation on a patient's DMP (TD0.4): set automatically once
 * consent is traced, when the DMP says it is absent or expired (never in break-glass mode, which
 * needs none); 6 months of technical validity, recorded in dmp_authorization so that
 * {@link AuthorizationRenewal} renews it before it ends while the care episode lasts.
 */
public final class DmpAuthorizations {

    /** Technical validity of an individual authorisation in the DMP. */
    public static final int VALIDITY_MONTHS = 6;

    /** One recorded authorisation. */
    public record Held(UUID id, UUID patientId, UUID userId, UUID episodeId, String rpps, String status, Instant setAt,
                       Instant expiresAt) {
    }

    private final Database database;
    private final DmpClient client;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public DmpAuthorizations(Database database, DmpClient client, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.client = client;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether {@link #ensure} would set the authorisation for this DMP answer and permit. */
    public static boolean needed(ConsultationPermit permit, AuthorizationStatus status) {
        return permit.subject().purpose() == PurposeOfUse.NORMAL
                && (status == null || status == AuthorizationStatus.NON_EXISTANTE || status == AuthorizationStatus.EXPIREE);
    }

    /**
     * Sets the authorisation when the DMP says it is absent or expired; returns true when set.
     * Blocking (one TD0.4); off the FX thread.
     */
    public boolean ensure(ConsultationPermit permit, AuthorizationStatus status, String rpps, Actor actor)
            throws DmpException {
        if (!needed(permit, status)) {
            return false;
        }
        client.setAuthorization(permit);
        record(permit, rpps, actor, DmpAuditActions.AUTHORIZATION_SET, "Autorisation d'accès au DMP positionnée");
        return true;
    }

    /** Renews (TD0.4 again) an authorisation recorded here, with a permit of the still-open episode. */
    public void renew(ConsultationPermit permit, String rpps, Actor actor) throws DmpException {
        client.setAuthorization(permit);
        record(permit, rpps, actor, DmpAuditActions.AUTHORIZATION_RENEWED, "Autorisation d'accès au DMP renouvelée");
    }

    private void record(ConsultationPermit permit, String rpps, Actor actor, String action, String what) {
        Instant now = clock.instant();
        Instant end = now.atZone(ZoneOffset.UTC).plusMonths(VALIDITY_MONTHS).toInstant();
        database.inTransactionRun(ctx -> {
            int updated = ctx.update(DMP_AUTHORIZATION)
                    .set(DMP_AUTHORIZATION.STATUS, "ACTIVE")
                    .set(DMP_AUTHORIZATION.EPISODE_ID, permit.episodeId())
                    .set(DMP_AUTHORIZATION.SET_AT, now)
                    .set(DMP_AUTHORIZATION.EXPIRES_AT, end)
                    .set(DMP_AUTHORIZATION.UPDATED_AT, now)
                    .set(DMP_AUTHORIZATION.DETAIL, (String) null)
                    .where(DMP_AUTHORIZATION.PATIENT_ID.eq(permit.patientId()))
                    .and(DMP_AUTHORIZATION.USER_ID.eq(permit.userId())).execute();
            if (updated == 0) {
                ctx.insertInto(DMP_AUTHORIZATION)
                        .set(DMP_AUTHORIZATION.ID, ids.newId())
                        .set(DMP_AUTHORIZATION.PATIENT_ID, permit.patientId())
                        .set(DMP_AUTHORIZATION.USER_ID, permit.userId())
                        .set(DMP_AUTHORIZATION.EPISODE_ID, permit.episodeId())
                        .set(DMP_AUTHORIZATION.RPPS, rpps)
                        .set(DMP_AUTHORIZATION.STATUS, "ACTIVE")
                        .set(DMP_AUTHORIZATION.SET_AT, now)
                        .set(DMP_AUTHORIZATION.EXPIRES_AT, end)
                        .set(DMP_AUTHORIZATION.UPDATED_AT, now)
                        .execute();
            }
            audit.record(ctx, AuditEntry.of(actor, action, permit.patientId()).on("care_episode", permit.episodeId())
                    .withDetail(what + " pour le RPPS " + rpps + " jusqu'au " + end));
        });
    }

    /** Marks an authorisation ended (episode closed, consent withdrawn, patient's block). */
    public void end(UUID id, String detail) {
        database.inTransactionRun(ctx -> ctx.update(DMP_AUTHORIZATION).set(DMP_AUTHORIZATION.STATUS, "ENDED")
                .set(DMP_AUTHORIZATION.DETAIL, detail).set(DMP_AUTHORIZATION.UPDATED_AT, clock.instant())
                .where(DMP_AUTHORIZATION.ID.eq(id)).execute());
    }

    public java.util.Optional<Held> find(UUID id) {
        return database.dsl().selectFrom(DMP_AUTHORIZATION).where(DMP_AUTHORIZATION.ID.eq(id))
                .fetchOptional(DmpAuthorizations::held);
    }

    public List<Held> ofPatient(UUID patientId) {
        return database.dsl().selectFrom(DMP_AUTHORIZATION).where(DMP_AUTHORIZATION.PATIENT_ID.eq(patientId))
                .fetch(DmpAuthorizations::held);
    }

    /** Active authorisations ending before {@code before} whose care episode is still open. */
    public List<Held> dueForRenewal(Instant before) {
        return database.dsl().select(DMP_AUTHORIZATION.fields()).from(DMP_AUTHORIZATION)
                .join(CARE_EPISODE).on(CARE_EPISODE.ID.eq(DMP_AUTHORIZATION.EPISODE_ID))
                .where(DMP_AUTHORIZATION.STATUS.eq("ACTIVE")).and(DMP_AUTHORIZATION.EXPIRES_AT.lt(before))
                .and(CARE_EPISODE.CLOSED_AT.isNull())
                .fetch(r -> held(r.into(DMP_AUTHORIZATION)));
    }

    private static Held held(DmpAuthorizationRecord r) {
        return new Held(r.getId(), r.getPatientId(), r.getUserId(), r.getEpisodeId(), r.getRpps(), r.getStatus(),
                r.getSetAt(), r.getExpiresAt());
    }
}
