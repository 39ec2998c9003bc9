package fr.opaline.dmp.feeding;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpException;
import fr.opaline.dmp.client.DmpRejectedException;
import fr.opaline.dmp.vihf.VihfSubject;
import fr.opaline.dmp.xds.DmpSubmission;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.documents.cda.CdaReadException;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.documents.xds.XdsMetadata;
import fr.opaline.documents.xds.XdsMetadataBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Executes the {@link DmpJobTypes#FEED} jobs. Never sends twice: a job attempted before (after a
 * crash or a timeout) first asks the DMP whether the uniqueId is already there, and a duplicate
 * refused by the DMP counts as delivered. A document whose patient's INS is not qualified, whose
 * episode has a feeding opposition, or whose patient has no DMP is not sent and the job fails
 * with the reason (resendable once fixed). An unreachable DMP means a retry with backoff.
 * A replacement waits for the send of the version it replaces; a deletion waits for the send of
 * the version it deletes.
 */
public final class DmpFeedHandler implements JobHandler {

    static final Duration WAIT_FOR_PREVIOUS = Duration.ofSeconds(30);
    private static final Set<String> NO_RECORD = Set.of("XDSUnknownPatientId", "DMPPatientNotFound", "DMPClosed");
    private static final Actor ACTOR = Actor.system("dmp-feeding");

    private final Database database;
    private final DmpClient client;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final String siteId;
    private final boolean askBeforeResending;

    /** @param siteId the structure identifier (IDNST) the statistics are kept under */
    public DmpFeedHandler(Database database, DmpClient client, Outbox outbox, IdGenerator ids, Clock clock,
                          String siteId) {
        this(database, client, outbox, ids, clock, siteId, true);
    }

    /**
     * Test seam only: {@code askBeforeResending = false} removes the "already in the DMP?" question
     * asked before a job attempted before is sent again, so that the crash test can prove it sees
     * the double send this question prevents ({@code FeedingKillPointTest}).
     */
    DmpFeedHandler(Database database, DmpClient client, Outbox outbox, IdGenerator ids, Clock clock,
                   String siteId, boolean askBeforeResending) {
        this.askBeforeResending = askBeforeResending;
        this.database = database;
        this.client = client;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.siteId = siteId;
    }

    @Override
    public String type() {
        return DmpJobTypes.FEED;
    }

    @Override
    public JobOutcome handle(OutboxJob job) {
        return feed(job, DmpFeedPayload.fromJson(job.payload()));
    }

    /**
     * Sends, replaces or deletes the payload's document for this job (its attempts decide whether
     * the DMP is asked first); shared with {@link ReceivedDocumentFeedHandler}.
     */
    JobOutcome feed(OutboxJob job, DmpFeedPayload payload) {
        Optional<ClinicalDocument> found = new DocumentRepository(database.dsl()).findById(payload.documentId());
        if (found.isEmpty()) {
            return JobOutcome.failed("Document introuvable dans Opaline : rien à envoyer au DMP.");
        }
        ClinicalDocument doc = found.get();
        Patient patient = new PatientRepository(database.dsl()).findById(doc.patientId()).orElseThrow();
        try {
            return payload.action() == FeedAction.DELETE ? delete(job, payload, doc, patient)
                    : submit(job, payload, doc, patient);
        } catch (DmpRejectedException e) {
            if (NO_RECORD.contains(e.code())) {
                record(job, doc, payload, FeedOutcome.NO_DMP, e.getMessage());
                return JobOutcome.failed("Non envoyé : le patient n'a pas de DMP ouvert (" + e.getMessage() + ").");
            }
            record(job, doc, payload, FeedOutcome.FAILED, e.getMessage());
            return JobOutcome.failed(e.getMessage());
        } catch (DmpException e) {
            if (job.attempts() >= job.maxAttempts()) {
                record(job, doc, payload, FeedOutcome.FAILED, e.getMessage());
            }
            return JobOutcome.retry(e.getMessage());
        }
    }

    private JobOutcome submit(OutboxJob job, DmpFeedPayload payload, ClinicalDocument doc, Patient patient)
            throws DmpException {
        if (!patient.insQualified()) {
            return notSent(job, doc, payload, "l'INS du patient n'est pas qualifiée (qualifiez l'identité puis relancez "
                    + "l'envoi)");
        }
        boolean opposed = FeedingContext.episode(database.dsl(), doc).map(e -> e.dmpFeedingOpposition()).orElse(false);
        if (opposed) {
            return notSent(job, doc, payload, "le patient s'est opposé à l'alimentation de son DMP pour cette prise en "
                    + "charge");
        }
        if (doc.status() == DocumentStatus.DELETED) {
            return JobOutcome.failed("Document retiré avant son envoi : il n'est pas envoyé au DMP.");
        }
        Optional<VihfSubject> author = FeedingContext.author(database.dsl(), doc, patient.ins());
        if (author.isEmpty()) {
            record(job, doc, payload, FeedOutcome.FAILED, "auteur sans RPPS");
            return JobOutcome.failed("Non envoyé : l'auteur du document n'est pas identifié par son RPPS.");
        }
        if (askBeforeResending && job.attempts() > 1 && present(author.get(), payload.documentUid()).isPresent()) {
            return delivered(job, doc, payload);
        }
        String replacedEntryUuid = null;
        if (payload.action() == FeedAction.REPLACE && payload.replacedUniqueId() != null) {
            Optional<FeedJobs.Seen> previous = FeedJobs.byKey(database.dsl(),
                    DmpFeedPayload.submissionKey(payload.replacedUniqueId()));
            if (previous.isPresent() && previous.get().active()) {
                return JobOutcome.retryAfter("En attente de l'envoi de la version précédente.", WAIT_FOR_PREVIOUS);
            }
            Optional<XdsDocumentEntry> old = present(author.get(), payload.replacedUniqueId());
            if (old.isPresent()) {
                replacedEntryUuid = old.get().entryUuid();
            } else if (previous.isPresent() && previous.get().state() == JobState.FAILED) {
                outbox.cancel(previous.get().id(), ACTOR);
            }
        }
        byte[] content = doc.content();
        XdsMetadata metadata;
        try {
            metadata = XdsMetadataBuilder.from(new CdaReader().read(content).header(), content, doc.invisibleToPatient(),
                    doc.hiddenFromLegalRepresentatives());
        } catch (CdaReadException e) {
            record(job, doc, payload, FeedOutcome.FAILED, e.getMessage());
            return JobOutcome.failed("Document CDA illisible, non envoyé : " + e.getMessage());
        }
        try {
            client.provideAndRegister(author.get(), new DmpSubmission(patient.ins(), content, metadata, replacedEntryUuid));
        } catch (DmpRejectedException e) {
            if (!"XDSDuplicateUniqueIdInRegistry".equals(e.code())) {
                throw e;
            }
        }
        return delivered(job, doc, payload);
    }

    private JobOutcome delete(OutboxJob job, DmpFeedPayload payload, ClinicalDocument doc, Patient patient)
            throws DmpException {
        Optional<FeedJobs.Seen> original = FeedJobs.byKey(database.dsl(), DmpFeedPayload.submissionKey(payload.documentUid()));
        if (original.isPresent() && original.get().active()) {
            return JobOutcome.retryAfter("En attente de la fin de l'envoi du document à supprimer.", WAIT_FOR_PREVIOUS);
        }
        if (patient.ins() == null) {
            return JobOutcome.done();
        }
        Optional<VihfSubject> author = FeedingContext.author(database.dsl(), doc, patient.ins());
        if (author.isEmpty()) {
            return JobOutcome.failed("Suppression impossible : l'auteur du document n'est pas identifié par son RPPS.");
        }
        Optional<XdsDocumentEntry> entry = present(author.get(), payload.documentUid());
        if (entry.isPresent() && !XdsVocabulary.DELETED.equals(entry.get().status())) {
            client.delete(author.get(), entry.get());
            record(job, doc, payload, FeedOutcome.DELETED, null);
        } else if (original.isPresent() && original.get().state() == JobState.FAILED) {
            outbox.cancel(original.get().id(), ACTOR);
        }
        return JobOutcome.done();
    }

    private Optional<XdsDocumentEntry> present(VihfSubject author, String uniqueId)
            throws DmpException {
        List<XdsDocumentEntry> entries = client.lookup(author, List.of(uniqueId)).entries();
        return entries.stream().filter(e -> e.uniqueId().equals(uniqueId)).findFirst();
    }

    private JobOutcome delivered(OutboxJob job, ClinicalDocument doc, DmpFeedPayload payload) {
        record(job, doc, payload, doc.invisibleToPatient() ? FeedOutcome.INVISIBLE : FeedOutcome.SENT, null);
        return JobOutcome.done();
    }

    private JobOutcome notSent(OutboxJob job, ClinicalDocument doc, DmpFeedPayload payload, String reason) {
        record(job, doc, payload, FeedOutcome.NO_DMP, reason);
        return JobOutcome.failed("Non envoyé au DMP : " + reason + ".");
    }

    private void record(OutboxJob job, ClinicalDocument doc, DmpFeedPayload payload, FeedOutcome outcome, String detail) {
        database.inTransactionRun(ctx -> FeedRecords.record(ctx, ids.newId(), job.id(), doc, payload, outcome, siteId,
                detail, clock.instant()));
    }
}
