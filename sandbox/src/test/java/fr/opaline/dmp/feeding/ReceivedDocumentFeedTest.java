package fr.opaline.dmp.feeding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.Json;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Lease;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.dmp.SandboxConnection;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A document received from elsewhere (job {@code dmp-feed-received}, written as the hl7 module's
 * teleradiology integration writes it) reaches the sandbox DMP once its delay is over
 * (RIS.TLR/INT.02), exactly once even when a process died after the DMP acknowledged it.
 */
class ReceivedDocumentFeedTest {

    static final Duration DELAY = Duration.ofHours(2);

    FeedingKit f;
    DmpFeedHandler feed;

    @BeforeEach
    void start() throws Exception {
        f = new FeedingKit();
        feed = new DmpFeedHandler(f.kit.db.database(), f.kit.dmp.client, f.kit.core.outbox, f.kit.core.ids,
                f.kit.core.clock, SandboxConnection.STRUCTURE_ID);
        f.worker.register(new ReceivedDocumentFeedHandler(f.kit.db.database(), feed));
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void aReceivedCrIsFedToTheDmpAfterTheConfiguredDelayOnly() {
        Patient patient = f.kit.qualifiedPatient("ROUSSEAU");
        ClinicalDocument doc = receivedDocument(patient);
        OutboxJob job = received(doc, "INITIAL");

        assertThat(f.drain()).isZero();
        f.kit.core.clock.advance(DELAY.minusMinutes(1));
        assertThat(f.drain()).isZero();
        assertThat(inDmp(patient)).isEmpty();

        f.kit.core.clock.advance(Duration.ofMinutes(2));
        assertThat(f.drain()).isEqualTo(1);
        assertThat(inDmp(patient)).extracting(XdsDocumentEntry::uniqueId).containsExactly(doc.documentUid());
        assertThat(f.kit.core.outbox.find(job.id()).orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void aReceivedFeedInterruptedAfterTheDmpAcknowledgedIsNotSentTwice() {
        Patient patient = f.kit.qualifiedPatient("BLANC");
        ClinicalDocument doc = receivedDocument(patient);
        OutboxJob job = received(doc, "INITIAL");
        f.kit.core.clock.advance(DELAY.plusSeconds(1));
        Lease lease = f.kit.core.outbox.leaseNext(Set.of(DmpJobTypes.FEED_RECEIVED), "crashed", Duration.ofSeconds(30))
                .orElseThrow();
        new ReceivedDocumentFeedHandler(f.kit.db.database(), feed).handle(lease.job());
        assertThat(f.kit.dmp.sandbox.transactions().acceptedSubmissions(doc.documentUid())).isEqualTo(1);

        f.kit.core.clock.advance(Duration.ofSeconds(31));
        assertThat(f.drain()).isEqualTo(1);
        assertThat(f.kit.core.outbox.find(job.id()).orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(f.kit.dmp.sandbox.transactions().acceptedSubmissions(doc.documentUid())).isEqualTo(1);
        assertThat(f.kit.dmp.sandbox.transactions().duplicatesRefused()).isZero();
    }

    @Test
    void aDeletionWaitsForTheFeedOfTheReceivedDocumentThenRemovesIt() {
        Patient patient = f.kit.qualifiedPatient("GIRARD");
        ClinicalDocument doc = receivedDocument(patient);
        received(doc, "INITIAL");
        f.kit.core.clock.advance(DELAY.plusSeconds(1));
        f.drain();
        received(doc, "DELETE");
        f.kit.core.clock.advance(DELAY.plusSeconds(1));
        f.drain();
        assertThat(inDmp(patient)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(fr.opaline.dmp.xds.XdsVocabulary.DELETED));
    }

    /** A CDA stored for the patient whose own feed is cancelled: from here on it stands for a received CR. */
    private ClinicalDocument receivedDocument(Patient patient) {
        ReportVersion v = f.validated(patient);
        OutboxJob own = f.kit.core.outbox.findByIdempotencyKey(DmpFeedPayload.submissionKey(v.documentUid())).orElseThrow();
        f.feeding.cancel(own.id(), f.doctor);
        return new DocumentRepository(f.kit.db.database().dsl()).findByDocumentUid(v.documentUid()).orElseThrow();
    }

    /** The job as hl7's OutboxReceivedDocumentFeed queues it, due after the delay. */
    private OutboxJob received(ClinicalDocument doc, String action) {
        String key = DmpJobTypes.FEED_RECEIVED + ":" + doc.documentUid() + ":" + action;
        f.kit.db.database().inTransactionRun(ctx -> f.kit.core.outbox.enqueue(ctx,
                JobRequest.of(DmpJobTypes.FEED_RECEIVED, Json.write(Map.of("clinicalDocumentId", doc.id().toString(),
                        "documentUid", doc.documentUid(), "action", action))).idempotencyKey(key)
                        .dueAt(f.kit.core.clock.instant().plus(DELAY)).about(doc.patientId(), "CR reçu vers le DMP"),
                f.doctor));
        return f.kit.core.outbox.findByIdempotencyKey(key).orElseThrow();
    }

    private java.util.List<XdsDocumentEntry> inDmp(Patient patient) {
        return f.kit.dmp.sandbox.transactions().documents(patient.ins().matricule());
    }
}
