package fr.opaline.ins.verification;

import static fr.opaline.core.persistence.generated.Tables.APPOINTMENT;
import static fr.opaline.core.persistence.generated.Tables.CARE_EPISODE;
import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * Finds the identities whose INS must be verified with INSi (DSR 3.2.8, SC.INS.19) and puts one
 * outbox job per identity: récupérées or qualifiées for 4 years (since INSi last confirmed
 * them), and NIA matricules when a new event (appointment, care episode) happened since.
 * Idempotent: the job key names the patient and the confirmation it starts from, so several
 * servers scanning at once enqueue each verification once.
 */
public final class InsVerificationScheduler {

    /** Name of the periodic service that runs {@link #scan()} in the practice server. */
    public static final String SERVICE_NAME = "ins-verification-scheduler";

    public static final int VALIDITY_YEARS = 4;
    static final int MAX_PER_SCAN = 1_000;

    private final Database database;
    private final Outbox outbox;
    private final Clock clock;

    public InsVerificationScheduler(Database database, Outbox outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One pass: enqueues a verification for each identity due; returns how many were new. */
    public int scan() {
        Instant now = clock.instant();
        Instant fourYearsAgo = ZonedDateTime.ofInstant(now, clock.getZone()).minusYears(VALIDITY_YEARS).toInstant();
        return database.inTransaction(ctx -> {
            List<Due> due = new ArrayList<>();
            Condition hasIns = PATIENT.INS_MATRICULE.isNotNull()
                    .and(PATIENT.IDENTITY_STATUS.in(IdentityStatus.RECUPEREE.name(), IdentityStatus.QUALIFIEE.name()));
            for (Record3<UUID, Instant, String> r : ctx.select(PATIENT.ID, PATIENT.INS_VERIFIED_AT, PATIENT.IPP)
                    .from(PATIENT).where(hasIns)
                    .and(PATIENT.INS_VERIFIED_AT.isNull().or(PATIENT.INS_VERIFIED_AT.lt(fourYearsAgo)))
                    .orderBy(PATIENT.INS_VERIFIED_AT.asc().nullsFirst()).limit(MAX_PER_SCAN).fetch()) {
                due.add(new Due(r.value1(), r.value2(), r.value3(), "identité récupérée ou qualifiée depuis 4 ans"));
            }
            Condition newEvent = DSL.exists(DSL.selectOne().from(APPOINTMENT).where(APPOINTMENT.PATIENT_ID.eq(PATIENT.ID))
                    .and(APPOINTMENT.CREATED_AT.gt(PATIENT.INS_VERIFIED_AT)))
                    .or(DSL.exists(DSL.selectOne().from(CARE_EPISODE).where(CARE_EPISODE.PATIENT_ID.eq(PATIENT.ID))
                            .and(CARE_EPISODE.OPENED_AT.gt(PATIENT.INS_VERIFIED_AT))));
            for (Record3<UUID, Instant, String> r : ctx.select(PATIENT.ID, PATIENT.INS_VERIFIED_AT, PATIENT.IPP)
                    .from(PATIENT).where(hasIns)
                    .and(PATIENT.INS_OID.in(InsNumber.OID_NIA, InsNumber.OID_TEST_NIA))
                    .and(PATIENT.INS_VERIFIED_AT.ge(fourYearsAgo)).and(newEvent).limit(MAX_PER_SCAN).fetch()) {
                due.add(new Due(r.value1(), r.value2(), r.value3(), "matricule NIA et nouvel événement"));
            }
            int added = 0;
            for (Due d : due) {
                if (enqueue(ctx, d)) {
                    added++;
                }
            }
            return added;
        });
    }

    private boolean enqueue(DSLContext ctx, Due d) {
        String from = d.verifiedAt == null ? "jamais" : Long.toString(d.verifiedAt.toEpochMilli());
        String key = InsVerificationHandler.JOB_TYPE + ":" + d.patientId + ":" + from;
        if (outbox.findByIdempotencyKey(key).isPresent()) {
            return false;
        }
        outbox.enqueue(ctx, JobRequest.of(InsVerificationHandler.JOB_TYPE,
                        InsVerificationHandler.payload(d.patientId, d.verifiedAt, d.why))
                .idempotencyKey(key).maxAttempts(10)
                .about(d.patientId, "Vérification INSi de l'INS (IPP " + d.ipp + ") : " + d.why),
                Actor.system("ins-verification"));
        return true;
    }

    private record Due(UUID patientId, Instant verifiedAt, String ipp, String why) {
    }
}
