package fr.opaline.dmp.feeding;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.report.Report;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.dmp.DmpAuditActions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What users (and other modules) do with DMP feeding: hold or mark a report before validation,
 * act on the queue (hold, resume, cancel, send now, resend failures), feed a historical document
 * (qualified INS only), schedule a received document (teleradiology), delete a document from the
 * DMP, change a document's visibility, and read where a document stands. Every change is audited.
 * Calls are quick database work; safe off the FX thread.
 */
public final class DmpFeedingService {

    private final Database database;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final DmpFeedingSettings settings;
    private final DmpFeedingListener scheduling;

    public DmpFeedingService(Database database, Outbox outbox, AuditTrail audit, Clock clock,
                             DmpFeedingSettings settings) {
        this.database = database;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.scheduling = new DmpFeedingListener(outbox, clock, settings);
    }

    // --- before validation -----------------------------------------------------------------

    public ReportFeedOptions options(UUID reportId) {
        return ReportFeedOptions.of(database.dsl(), reportId);
    }

    /**
     * Holds (or releases) the DMP send of a report: before validation the send is then created
     * suspended; during the deferral the waiting send is suspended or resumed (SC.DMP/ALI/PROG.03).
     */
    public void setHeld(UUID reportId, boolean held, Actor actor) {
        database.inTransactionRun(ctx -> {
            Report report = report(ctx, reportId);
            ReportFeedOptions current = ReportFeedOptions.of(ctx, reportId);
            ReportFeedOptions.save(ctx, reportId, new ReportFeedOptions(held, current.hiddenFromLegalRepresentatives()),
                    actor.login(), clock.instant());
            currentSend(ctx, report).ifPresent(job -> {
                if (held && job.state() == JobState.PENDING) {
                    outbox.hold(ctx, job.id(), actor);
                } else if (!held && job.state() == JobState.HELD) {
                    outbox.cancel(ctx, job.id(), actor);
                    resumeAsNew(ctx, job.id(), actor);
                }
            });
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.FEED_OPTION_CHANGED, patientOf(ctx, report))
                    .on("report", reportId).withDetail(held ? "envoi au DMP suspendu" : "envoi au DMP autorisé"));
        });
    }

    private void resumeAsNew(DSLContext ctx, UUID cancelled, Actor actor) {
        // A released send keeps its deferral: put the same job back to waiting rather than cancelling it.
        ctx.update(OUTBOX_JOB).set(OUTBOX_JOB.STATE, JobState.PENDING.name()).set(OUTBOX_JOB.FINISHED_AT, (java.time.Instant) null)
                .where(OUTBOX_JOB.ID.eq(cancelled)).execute();
    }

    /** Marks a report "non visible des représentants légaux" (before or after validation). */
    public void setHiddenFromLegalRepresentatives(UUID reportId, boolean hidden, Actor actor) {
        database.inTransactionRun(ctx -> {
            Report report = report(ctx, reportId);
            ReportFeedOptions current = ReportFeedOptions.of(ctx, reportId);
            ReportFeedOptions.save(ctx, reportId, new ReportFeedOptions(current.held(), hidden), actor.login(),
                    clock.instant());
            ReportVersion version = new ReportRepository(ctx).version(reportId, report.currentVersion()).orElseThrow();
            DocumentRepository documents = new DocumentRepository(ctx);
            List<ClinicalDocument> stored = documents.findByReportVersion(version.id());
            stored.forEach(d -> documents.updateVisibility(d.id(), d.invisibleToPatient(), hidden));
            stored.stream().filter(d -> d.documentUid().equals(version.documentUid())).findFirst()
                    .ifPresent(d -> enqueueVisibilityIfSent(ctx, d, actor));
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.FEED_OPTION_CHANGED, patientOf(ctx, report))
                    .on("report", reportId).withDetail(hidden ? "non visible des représentants légaux"
                            : "visible des représentants légaux"));
        });
    }

    /**
     * Changes a stored document's visibility (to the patient, to the legal representatives); when
     * the document is already in the DMP, an update is sent (SC.DMP/UX.51). Returns that send's id.
     */
    public Optional<UUID> changeVisibility(UUID documentId, boolean invisibleToPatient,
                                           boolean hiddenFromLegalRepresentatives, Actor actor) {
        return database.inTransaction(ctx -> {
            DocumentRepository documents = new DocumentRepository(ctx);
            ClinicalDocument doc = documents.findById(documentId)
                    .orElseThrow(() -> new NotFoundException("Document introuvable"));
            List<ClinicalDocument> family = doc.reportVersionId() == null ? List.of(doc)
                    : documents.findByReportVersion(doc.reportVersionId());
            family.forEach(d -> documents.updateVisibility(d.id(), invisibleToPatient, hiddenFromLegalRepresentatives));
            if (doc.reportVersionId() != null) {
                ReportRepository reports = new ReportRepository(ctx);
                reports.findVersion(doc.reportVersionId())
                        .ifPresent(v -> reports.update(v.withInvisibleToPatient(invisibleToPatient)));
            }
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.VISIBILITY_CHANGED, doc.patientId())
                    .on("clinical_document", documentId).withDetail((invisibleToPatient ? "invisible" : "visible")
                            + " au patient, " + (hiddenFromLegalRepresentatives ? "non visible" : "visible")
                            + " des représentants légaux"));
            return enqueueVisibilityIfSent(ctx, documents.findById(documentId).orElseThrow(), actor);
        });
    }

    private Optional<UUID> enqueueVisibilityIfSent(DSLContext ctx, ClinicalDocument doc, Actor actor) {
        if (!FeedRecords.inDmp(ctx, doc.documentUid())) {
            return Optional.empty();
        }
        VisibilityPayload payload = new VisibilityPayload(doc.id(), doc.patientId(), doc.documentUid());
        return Optional.of(outbox.enqueue(ctx, JobRequest.of(DmpJobTypes.VISIBILITY, payload.toJson())
                .idempotencyKey("dmp-visibility:" + doc.documentUid() + ":" + clock.instant().toEpochMilli())
                .maxAttempts(settings.maxAttempts()).about(doc.patientId(), "Visibilité dans le DMP : " + doc.title()),
                actor));
    }

    // --- the queue ---------------------------------------------------------------------------

    /** The DMP sends, newest first; {@code patientId} and {@code states} may be null for all. */
    public List<OutboxJob> queue(UUID patientId, Set<JobState> states, int limit) {
        return outbox.list(DmpJobTypes.ALL, states, patientId, limit);
    }

    public void hold(UUID jobId, Actor actor) {
        outbox.hold(dmpJob(jobId), actor);
    }

    public void resume(UUID jobId, Actor actor) {
        outbox.resume(dmpJob(jobId), actor);
    }

    public void cancel(UUID jobId, Actor actor) {
        outbox.cancel(dmpJob(jobId), actor);
    }

    public void sendNow(UUID jobId, Actor actor) {
        outbox.sendNow(dmpJob(jobId), actor);
    }

    /** Sends a failed send again (SC.DMP/HISTO.05): the reason may have been fixed meanwhile. */
    public void resend(UUID jobId, Actor actor) {
        outbox.resend(dmpJob(jobId), actor);
    }

    private UUID dmpJob(UUID jobId) {
        OutboxJob job = outbox.find(jobId).orElseThrow(() -> new NotFoundException("Envoi introuvable"));
        if (!DmpJobTypes.ALL.contains(job.type())) {
            throw new BusinessRuleException("Cet envoi n'est pas un envoi au DMP.");
        }
        return jobId;
    }

    // --- documents ---------------------------------------------------------------------------

    /**
     * Feeds a document of an earlier episode that was never sent (SC.DMP/HISTO.03/04): only with
     * the patient's INS qualified now, only a CDA produced by the practice. Returns the send's id.
     */
    public UUID feedHistorical(UUID documentId, Actor actor) {
        return database.inTransaction(ctx -> {
            ClinicalDocument doc = document(ctx, documentId);
            Patient patient = new PatientRepository(ctx).findById(doc.patientId()).orElseThrow();
            if (!patient.insQualified()) {
                throw new BusinessRuleException("Alimentation d'un document historique : l'INS du patient doit d'abord "
                        + "être qualifiée.");
            }
            if (doc.provenance() != Provenance.LOCAL || !"text/xml".equals(doc.mimeType())) {
                throw new BusinessRuleException("Seuls les documents CDA produits par le cabinet s'envoient au DMP.");
            }
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.FEED_REQUESTED, doc.patientId())
                    .on("clinical_document", documentId).withDetail("document historique"));
            return sendNowOrCreate(ctx, doc, new DmpFeedPayload(FeedAction.INITIAL, doc.id(), doc.patientId(),
                    doc.documentUid(), doc.setId(), doc.versionNumber(), null, true, false), clock.instant(), actor);
        });
    }

    /** Removes a document from the DMP (error, patient's request — SC.DMP/CONF.03). */
    public UUID deleteFromDmp(UUID documentId, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("Indiquez le motif de la suppression du DMP.");
        }
        return database.inTransaction(ctx -> {
            ClinicalDocument doc = document(ctx, documentId);
            Optional<FeedJobs.Seen> submission = FeedJobs.byKey(ctx, DmpFeedPayload.submissionKey(doc.documentUid()));
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.DELETE_REQUESTED, doc.patientId())
                    .on("clinical_document", documentId).withDetail(reason.strip()));
            if (submission.isPresent() && submission.get().neverTried()) {
                outbox.cancel(ctx, submission.get().id(), actor);
                return submission.get().id();
            }
            DmpFeedPayload payload = new DmpFeedPayload(FeedAction.DELETE, doc.id(), doc.patientId(), doc.documentUid(),
                    doc.setId(), doc.versionNumber(), null, false, false);
            return sendNowOrCreate(ctx, doc, payload, clock.instant(), actor);
        });
    }

    /** Where a stored document stands with the DMP. */
    public FeedStatus status(UUID documentId) {
        DSLContext ctx = database.dsl();
        ClinicalDocument doc = document(ctx, documentId);
        Optional<FeedJobs.Seen> seen = FeedJobs.byKey(ctx, DmpFeedPayload.submissionKey(doc.documentUid()));
        if (seen.isEmpty()) {
            return new FeedStatus(FeedStatus.State.NONE, null, null, null);
        }
        OutboxJob job = outbox.find(seen.get().id()).orElseThrow();
        return new FeedStatus(FeedStatus.of(job.state()), job.id(), job.dueAt(), job.lastError());
    }

    /** Where the deletion from the DMP of a stored document stands, when one was asked (SC.DMP/CONF.03). */
    public Optional<FeedStatus> deletionStatus(UUID documentId) {
        DSLContext ctx = database.dsl();
        ClinicalDocument doc = document(ctx, documentId);
        return FeedJobs.byKey(ctx, DmpFeedPayload.deletionKey(doc.documentUid())).flatMap(seen -> outbox.find(seen.id()))
                .map(job -> new FeedStatus(FeedStatus.of(job.state()), job.id(), job.dueAt(), job.lastError()));
    }

    private UUID sendNowOrCreate(DSLContext ctx, ClinicalDocument doc, DmpFeedPayload payload, java.time.Instant due,
                                 Actor actor) {
        Optional<FeedJobs.Seen> existing = FeedJobs.byKey(ctx, payload.idempotencyKey());
        if (existing.isEmpty()) {
            return scheduling.enqueue(ctx, payload, doc, due, actor);
        }
        FeedJobs.Seen job = existing.get();
        switch (job.state()) {
            case DONE -> throw new BusinessRuleException(payload.action() == FeedAction.DELETE
                    ? "Ce document a déjà été supprimé du DMP." : "Ce document est déjà dans le DMP.");
            case FAILED -> outbox.resend(job.id(), actor);
            case PENDING, HELD -> outbox.sendNow(job.id(), actor);
            case CANCELLED -> {
                ctx.update(OUTBOX_JOB).set(OUTBOX_JOB.STATE, JobState.PENDING.name()).set(OUTBOX_JOB.DUE_AT, due)
                        .set(OUTBOX_JOB.ATTEMPTS, 0).set(OUTBOX_JOB.FINISHED_AT, (java.time.Instant) null)
                        .where(OUTBOX_JOB.ID.eq(job.id())).execute();
            }
            default -> {
            }
        }
        return job.id();
    }

    private static ClinicalDocument document(DSLContext ctx, UUID documentId) {
        return new DocumentRepository(ctx).findById(documentId)
                .orElseThrow(() -> new NotFoundException("Document introuvable"));
    }

    private static Report report(DSLContext ctx, UUID reportId) {
        return new ReportRepository(ctx).findById(reportId)
                .orElseThrow(() -> new NotFoundException("Compte rendu introuvable"));
    }

    /** The submission job of the report's current validated version, if any. */
    private static Optional<FeedJobs.Seen> currentSend(DSLContext ctx, Report report) {
        if (report.status() != ReportStatus.VALIDATED) {
            return Optional.empty();
        }
        return new ReportRepository(ctx).version(report.id(), report.currentVersion())
                .flatMap(v -> FeedJobs.byKey(ctx, DmpFeedPayload.submissionKey(v.documentUid())));
    }

    private static UUID patientOf(DSLContext ctx, Report report) {
        return new fr.opaline.core.order.OrderRepository(ctx).findOrder(report.orderId()).map(o -> o.patientId())
                .orElse(null);
    }
}
