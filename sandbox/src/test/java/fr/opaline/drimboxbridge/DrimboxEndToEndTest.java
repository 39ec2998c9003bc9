package fr.opaline.drimboxbridge;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Lease;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.outbox.RetryPolicy;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.drimboxbridge.feed.DrimboxAfterDmp;
import fr.opaline.drimboxbridge.feed.DrimboxFeedListener;
import fr.opaline.drimboxbridge.feed.DrimboxJobs;
import fr.opaline.drimboxbridge.feed.DrimboxSendHandler;
import fr.opaline.drimboxbridge.feed.DrimboxSettings;
import fr.opaline.sandbox.drimbox.DrimboxSandbox;
import fr.opaline.sandbox.drimbox.ReceivedCr;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.sent.SentMessageLog;
import fr.opaline.hl7.transmission.MessageRouting;
import fr.opaline.hl7.transmission.ReportTransmissions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end, over MLLP to the sandbox DRIMbox source (SC.DB/RIS.12): a validated CR goes to the
 * DRIMbox once the DMP has acknowledged it; an amendment follows as a replacement, a retraction as
 * a deletion — each after the DMP's acknowledgement, in ORU and in MDM. A CR the DMP does not take
 * (feeding opposition) goes at publication.
 */
class DrimboxEndToEndTest {

    TestDatabases.TestDatabase db;
    DrimboxSandbox sandbox;
    Hl7Sender sender;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"), ZoneId.of("Europe/Paris"));

    @AfterEach
    void close() throws Exception {
        if (sender != null) {
            sender.close();
        }
        if (sandbox != null) {
            sandbox.stop(Duration.ofSeconds(1));
        }
        db.close();
    }

    record Wired(SampleReport.Result sample, Outbox outbox, DrimboxSendHandler handler, Actor doctor) {
    }

    Wired wire(DrimboxSettings.Format format) throws Exception {
        sandbox = new DrimboxSandbox(0, 0, clock);
        sandbox.start();
        db = TestDatabases.h2();
        SampleReport.Result sample = SampleReport.create(db.database(), clock,
                new DrimboxLinkTemplate(sandbox.viewerUrlTemplate(), Duration.ofDays(365)));
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        Outbox outbox = new Outbox(db.database(), new AuditTrail(db.database(), clock), ids, clock,
                new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0));
        DrimboxSettings settings = new DrimboxSettings(MllpEndpoint.of("127.0.0.1", sandbox.mllpPort()), format,
                MessageRouting.of("690000001", "DRIMBOX", "DRIMBOX"), true);
        outbox.onDone(DrimboxJobs.DMP_FEED, new DrimboxAfterDmp(db.database(), settings));
        sample.reports().addPublicationListener(new DrimboxFeedListener(outbox, settings));
        sender = new Hl7Sender(new SentMessageLog(db.database(), ids, clock));
        DrimboxSendHandler handler = new DrimboxSendHandler(db.database(),
                new ReportTransmissions(sample.loader(), clock), settings, sender, clock);
        return new Wired(sample, outbox, handler, Actor.user(sample.radiologist().id(), sample.radiologist().login()));
    }

    /** The DMP feeding worker acknowledged the document: its job is done. */
    static void dmpAcknowledges(Outbox outbox, String documentUid) {
        outbox.enqueue(JobRequest.of(DrimboxJobs.DMP_FEED, "{\"documentUid\":\"" + documentUid + "\"}")
                .idempotencyKey("dmp-test:" + documentUid + ":" + System.nanoTime()), Actor.system("test"));
        Lease lease = outbox.leaseNext(Set.of(DrimboxJobs.DMP_FEED), "dmp-worker", Duration.ofMinutes(1)).orElseThrow();
        assertThat(outbox.complete(lease, JobOutcome.done())).isTrue();
    }

    /** Runs the DRIMbox jobs due, as the outbox worker does. */
    static int runDrimboxJobs(Outbox outbox, DrimboxSendHandler handler) {
        int ran = 0;
        while (true) {
            var lease = outbox.leaseNext(Set.of(DrimboxJobs.SEND), "worker", Duration.ofMinutes(1));
            if (lease.isEmpty()) {
                return ran;
            }
            JobOutcome outcome = handler.handle(lease.get().job());
            assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(JobOutcome.Done.class);
            outbox.complete(lease.get(), outcome);
            ran++;
        }
    }

    @ParameterizedTest
    @EnumSource(DrimboxSettings.Format.class)
    void validateAmendRetractFollowTheDmpAcknowledgements(DrimboxSettings.Format format) throws Exception {
        Wired w = wire(format);
        ReportVersion v1 = w.sample().version();
        assertThat(runDrimboxJobs(w.outbox(), w.handler())).as("nothing before the DMP acknowledges").isZero();

        dmpAcknowledges(w.outbox(), v1.documentUid());
        assertThat(runDrimboxJobs(w.outbox(), w.handler())).isEqualTo(1);
        ReceivedCr first = sandbox.documents().get(v1.documentUid());
        assertThat(first.status()).isEqualTo("ACTUEL");
        assertThat(first.messageType()).isEqualTo(format == DrimboxSettings.Format.MDM ? "MDM^T02" : "ORU^R01");
        assertThat(first.patientIns()).isEqualTo(w.sample().patient().ins().matricule());
        assertThat(first.studyInstanceUids()).isNotEmpty();

        // The viewer URL printed on the CR opens the study in the DRIMbox.
        String study = first.studyInstanceUids().get(0);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                sandbox.endpoints().get("viewer") + "?studyUID=" + study)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(v1.documentUid());

        // Amendment: the new version replaces the first once the DMP has it.
        w.sample().reports().amend(v1.reportId(), "Erreur de latéralité", w.doctor());
        ReportVersion v2 = w.sample().reports().validate(v1.reportId(), w.doctor());
        assertThat(runDrimboxJobs(w.outbox(), w.handler())).isZero();
        dmpAcknowledges(w.outbox(), v2.documentUid());
        assertThat(runDrimboxJobs(w.outbox(), w.handler())).isEqualTo(1);
        Map<String, ReceivedCr> held = sandbox.documents();
        assertThat(held.get(v1.documentUid()).status()).isEqualTo("REMPLACE");
        assertThat(held.get(v2.documentUid()).status()).isEqualTo("ACTUEL");
        assertThat(held.get(v2.documentUid()).replacedDocumentUid()).isEqualTo(v1.documentUid());

        // Retraction: the deletion follows the DMP's.
        w.sample().reports().retract(v1.reportId(), "Examen d'un autre patient", w.doctor());
        dmpAcknowledges(w.outbox(), v2.documentUid());
        assertThat(runDrimboxJobs(w.outbox(), w.handler())).isEqualTo(1);
        assertThat(sandbox.documents().get(v2.documentUid()).status()).isEqualTo("SUPPRIME");

        List<Map<String, Object>> messages = sandbox.messages();
        assertThat(messages).extracting(m -> m.get("action")).containsExactly("INITIAL", "REPLACE", "DELETE");
        assertThat(messages).extracting(m -> m.get("ack")).containsOnly("AA");
        assertThat(w.outbox().countByState(Set.of(DrimboxJobs.SEND)).get(JobState.DONE)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = DrimboxSettings.Format.class, names = "MDM")
    void aCrTheDmpDoesNotTakeStillReachesTheDrimbox(DrimboxSettings.Format format) throws Exception {
        Wired w = wire(format);
        ReportVersion v1 = w.sample().version();
        // The patient opposes DMP feeding: no DMP acknowledgement will ever come.
        db.database().inTransactionRun(ctx -> {
            CareEpisodeRepository episodes = new CareEpisodeRepository(ctx);
            var e = episodes.findOpen(w.sample().patient().id()).orElseThrow();
            episodes.update(new fr.opaline.core.episode.CareEpisode(e.id(), e.patientId(), e.openedAt(), e.closedAt(),
                    true, true, e.consultationConsent(), e.consentRecordedAt(), e.consentRecordedBy(), e.breakGlassAt(),
                    e.breakGlassBy(), e.breakGlassReason(), e.rowVersion()));
        });
        w.sample().reports().amend(v1.reportId(), "Complément", w.doctor());
        ReportVersion v2 = w.sample().reports().validate(v1.reportId(), w.doctor());
        assertThat(runDrimboxJobs(w.outbox(), w.handler())).isEqualTo(1);
        assertThat(sandbox.documents().get(v2.documentUid()).action()).isEqualTo("REPLACE");
        List<OutboxJob> jobs = w.outbox().list(Set.of(DrimboxJobs.SEND), Set.of(), null, 10);
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).patientId()).isEqualTo(w.sample().patient().id());
    }
}
