package fr.opaline.dmp.feeding;

import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.report.ReportPublication;
import fr.opaline.core.report.ReportPublicationListener;
import fr.opaline.core.report.ReportVersion;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules the DMP send of every validated CR, in the validation's transaction
 * (SC.DMP/ALI/PROG.02–07): the CDA N3 of the version, after the configured deferral, held when the
 * user asked so before validating. An amendment replaces the previous version (or, when that one
 * was never tried, cancels it and sends the new one instead); a retraction deletes the version
 * from the DMP (or cancels its send when it never left). Register after the documents publisher.
 */
public final class DmpFeedingListener implements ReportPublicationListener {

    private static final Logger LOG = LoggerFactory.getLogger(DmpFeedingListener.class);

    private final Outbox outbox;
    private final Clock clock;
    private final DmpFeedingSettings settings;

    public DmpFeedingListener(Outbox outbox, Clock clock, DmpFeedingSettings settings) {
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void onPublication(DSLContext ctx, ReportPublication publication) {
        switch (publication.kind()) {
            case VALIDATED -> submit(ctx, publication, FeedAction.INITIAL, null);
            case AMENDED -> amended(ctx, publication);
            case RETRACTED -> retracted(ctx, publication);
            default -> throw new IllegalStateException(publication.kind().name());
        }
    }

    private void amended(DSLContext ctx, ReportPublication publication) {
        String previous = publication.replaced().documentUid();
        Optional<FeedJobs.Seen> previousJob = FeedJobs.byKey(ctx, DmpFeedPayload.submissionKey(previous));
        if (previousJob.isPresent() && previousJob.get().neverTried()) {
            outbox.cancel(ctx, previousJob.get().id(), publication.actor());
            submit(ctx, publication, FeedAction.INITIAL, null);
        } else {
            submit(ctx, publication, FeedAction.REPLACE, previous);
        }
    }

    private void retracted(DSLContext ctx, ReportPublication publication) {
        ReportVersion version = publication.version();
        Optional<FeedJobs.Seen> job = FeedJobs.byKey(ctx, DmpFeedPayload.submissionKey(version.documentUid()));
        if (job.isPresent() && job.get().neverTried()) {
            outbox.cancel(ctx, job.get().id(), publication.actor());
            return;
        }
        Optional<ClinicalDocument> document = new DocumentRepository(ctx).findByDocumentUid(version.documentUid());
        if (document.isEmpty()) {
            return;
        }
        ClinicalDocument doc = document.get();
        DmpFeedPayload payload = new DmpFeedPayload(FeedAction.DELETE, doc.id(), doc.patientId(), doc.documentUid(),
                doc.setId(), doc.versionNumber(), null, false, false);
        outbox.enqueue(ctx, JobRequest.of(DmpJobTypes.FEED, payload.toJson()).idempotencyKey(payload.idempotencyKey())
                .maxAttempts(settings.maxAttempts()).about(doc.patientId(), "Suppression du DMP : " + doc.title()
                        + " (v" + doc.versionNumber() + ")"), publication.actor());
    }

    private void submit(DSLContext ctx, ReportPublication publication, FeedAction action, String replacedUid) {
        ReportVersion version = publication.version();
        DocumentRepository documents = new DocumentRepository(ctx);
        Optional<ClinicalDocument> document = documents.findByDocumentUid(version.documentUid());
        if (document.isEmpty()) {
            LOG.warn("DMP: no stored CDA for report version {} (documents publisher not registered first?)", version.id());
            return;
        }
        ClinicalDocument doc = document.get();
        ReportFeedOptions options = ReportFeedOptions.of(ctx, publication.report().id());
        if (options.hiddenFromLegalRepresentatives()) {
            documents.findByReportVersion(version.id()).forEach(d ->
                    documents.updateVisibility(d.id(), d.invisibleToPatient(), true));
        }
        DmpFeedPayload payload = new DmpFeedPayload(action, doc.id(), doc.patientId(), doc.documentUid(), doc.setId(),
                doc.versionNumber(), replacedUid, false, false);
        UUID id = enqueue(ctx, payload, doc, clock.instant().plus(settings.deferral()), publication.actor());
        if (options.held()) {
            outbox.hold(ctx, id, publication.actor());
        }
    }

    UUID enqueue(DSLContext ctx, DmpFeedPayload payload, ClinicalDocument doc, java.time.Instant due, Actor actor) {
        return outbox.enqueue(ctx, JobRequest.of(DmpJobTypes.FEED, payload.toJson())
                .idempotencyKey(payload.idempotencyKey()).dueAt(due).maxAttempts(settings.maxAttempts())
                .about(doc.patientId(), payload.action().label() + " au DMP : " + doc.title() + " (v"
                        + doc.versionNumber() + ")"), actor);
    }
}
