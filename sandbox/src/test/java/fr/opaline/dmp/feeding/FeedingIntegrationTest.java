package fr.opaline.dmp.feeding;

import static fr.opaline.core.persistence.generated.Tables.DMP_FEED_RECORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Lease;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.dmp.SandboxConnection;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Background feeding of the DMP through the outbox, against the sandbox over mutual TLS
 * (SC.DMP/ALI/PROG.02–07, HISTO.05, CONF.03, UX.51): deferral, hold/resume/cancel, INS not
 * qualified, outage with backoff, idempotence after a crash, replacement, deletion, invisibility.
 */
class FeedingIntegrationTest {

    FeedingKit f;

    @BeforeEach
    void start() throws Exception {
        f = new FeedingKit();
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void aValidatedReportIsSentAfterTheDeferralExactlyOnce() {
        Patient patient = f.kit.qualifiedPatient("DURAND");
        ReportVersion v1 = f.validated(patient);
        OutboxJob job = feedJob(v1.documentUid());
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.dueAt()).isEqualTo(f.kit.core.clock.instant().plus(FeedingKit.DEFERRAL));

        assertThat(f.drain()).isZero();
        assertThat(inDmp(patient)).isEmpty();

        assertThat(f.afterDeferral()).isEqualTo(1);
        assertThat(inDmp(patient)).extracting(XdsDocumentEntry::uniqueId).containsExactly(v1.documentUid());
        assertThat(f.kit.dmp.sandbox.transactions().acceptedSubmissions(v1.documentUid())).isEqualTo(1);
        assertThat(f.feeding.status(document(v1).id()).state()).isEqualTo(FeedStatus.State.IN_DMP);
        assertThat(outcomes(v1.documentUid())).containsExactly("SENT");
    }

    @Test
    void theUserHoldsResumesOrCancelsDuringTheDeferralOrBeforeValidation() {
        Patient patient = f.kit.qualifiedPatient("MARTIN");
        ReportVersion held = f.validated(patient);
        f.feeding.hold(feedJob(held.documentUid()).id(), f.doctor);
        ReportVersion cancelled = f.validated(patient);
        f.feeding.cancel(feedJob(cancelled.documentUid()).id(), f.doctor);
        ReportVersion heldBefore = f.draft(patient);
        f.feeding.setHeld(heldBefore.reportId(), true, f.doctor);
        heldBefore = f.reports.validate(heldBefore.reportId(), f.doctor);
        assertThat(feedJob(heldBefore.documentUid()).state()).isEqualTo(JobState.HELD);

        f.afterDeferral();
        assertThat(inDmp(patient)).isEmpty();
        assertThat(f.feeding.status(document(held).id()).state()).isEqualTo(FeedStatus.State.HELD);
        assertThat(f.feeding.status(document(cancelled).id()).state()).isEqualTo(FeedStatus.State.CANCELLED);

        f.feeding.resume(feedJob(held.documentUid()).id(), f.doctor);
        f.feeding.setHeld(heldBefore.reportId(), false, f.doctor);
        f.drain();
        assertThat(inDmp(patient)).extracting(XdsDocumentEntry::uniqueId)
                .containsExactlyInAnyOrder(held.documentUid(), heldBefore.documentUid());
    }

    @Test
    void aPatientWhoseInsIsNotQualifiedIsNotSentTheReasonIsShownAndAResendWorksOnceQualified() {
        Patient patient = f.kit.core.patient("LEROY", "Marc", LocalDate.of(1970, 1, 1), Sex.M);
        ReportVersion v1 = f.validated(patient);
        f.afterDeferral();
        OutboxJob job = feedJob(v1.documentUid());
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lastError()).contains("INS").contains("qualifi");
        assertThat(f.feeding.status(document(v1).id()).reason()).contains("INS");
        assertThat(outcomes(v1.documentUid())).containsExactly("NO_DMP");

        InsNumber ins = new InsNumber("1700199123456", InsNumber.OID_TEST_NIR);
        f.kit.db.database().inTransactionRun(ctx -> new PatientRepository(ctx).update(patient.withIdentity(
                patient.traits(), new InsNumber(ins.matricule() + "42", ins.oid()), IdentityStatus.QUALIFIEE,
                patient.attributes(), "CNI", f.kit.core.clock.instant()), f.kit.core.clock.instant()));
        f.feeding.resend(job.id(), f.doctor);
        f.drain();
        assertThat(f.kit.dmp.sandbox.transactions().acceptedSubmissions(v1.documentUid())).isEqualTo(1);
        assertThat(feedJob(v1.documentUid()).state()).isEqualTo(JobState.DONE);
    }

    @Test
    void anUnreachableDmpDelaysWithBackoffAndLosesNothing() {
        Patient patient = f.kit.qualifiedPatient("FAURE");
        ReportVersion v1 = f.validated(patient);
        DmpSandbox sandbox = f.kit.dmp.sandbox;

        sandbox.setAvailability(DmpSandbox.Availability.HTTP_503);
        f.afterDeferral();
        OutboxJob afterFirst = feedJob(v1.documentUid());
        assertThat(afterFirst.state()).isEqualTo(JobState.PENDING);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.dueAt()).isAfter(f.kit.core.clock.instant());

        sandbox.setAvailability(DmpSandbox.Availability.REFUSED);
        f.kit.core.clock.advance(Duration.ofMinutes(1));
        f.drain();
        OutboxJob afterSecond = feedJob(v1.documentUid());
        assertThat(afterSecond.attempts()).isEqualTo(2);
        assertThat(Duration.between(f.kit.core.clock.instant(), afterSecond.dueAt()))
                .isGreaterThan(Duration.between(afterFirst.updatedAt(), afterFirst.dueAt()));

        sandbox.setAvailability(DmpSandbox.Availability.UP);
        f.kit.core.clock.advance(Duration.ofMinutes(10));
        f.drain();
        assertThat(feedJob(v1.documentUid()).state()).isEqualTo(JobState.DONE);
        assertThat(sandbox.transactions().acceptedSubmissions(v1.documentUid())).isEqualTo(1);
    }

    @Test
    void aSendInterruptedAfterTheDmpAcknowledgedIsNotSentTwice() throws Exception {
        Patient patient = f.kit.qualifiedPatient("LAMBERT");
        ReportVersion v1 = f.validated(patient);
        f.kit.core.clock.advance(FeedingKit.DEFERRAL.plusSeconds(1));
        DmpFeedHandler handler = new DmpFeedHandler(f.kit.db.database(), f.kit.dmp.client, f.kit.core.outbox,
                f.kit.core.ids, f.kit.core.clock, SandboxConnection.STRUCTURE_ID);
        // a process leases the job, the DMP acknowledges, and the process dies before recording it
        Lease lease = f.kit.core.outbox.leaseNext(Set.of(DmpJobTypes.FEED), "crashed", Duration.ofSeconds(30))
                .orElseThrow();
        handler.handle(lease.job());
        assertThat(f.kit.dmp.sandbox.transactions().acceptedSubmissions(v1.documentUid())).isEqualTo(1);

        f.kit.core.clock.advance(Duration.ofSeconds(31));
        assertThat(f.drain()).isEqualTo(1);
        assertThat(feedJob(v1.documentUid()).state()).isEqualTo(JobState.DONE);
        assertThat(f.kit.dmp.sandbox.transactions().acceptedSubmissions(v1.documentUid())).isEqualTo(1);
        assertThat(f.kit.dmp.sandbox.transactions().duplicatesRefused()).isZero();
        assertThat(outcomes(v1.documentUid())).containsExactly("SENT");
    }

    @Test
    void anAmendmentReplacesTheVersionInTheDmpAndARetractionDeletesIt() {
        Patient patient = f.kit.qualifiedPatient("GARNIER");
        ReportVersion v1 = f.validated(patient);
        f.afterDeferral();
        f.reports.amend(v1.reportId(), "Erreur de latéralité", f.doctor);
        ReportVersion v2 = f.reports.validate(v1.reportId(), f.doctor);
        OutboxJob replacement = feedJob(v2.documentUid());
        assertThat(DmpFeedPayload.fromJson(replacement.payload()).action()).isEqualTo(FeedAction.REPLACE);
        f.afterDeferral();
        assertThat(inDmp(patient)).extracting(XdsDocumentEntry::uniqueId, XdsDocumentEntry::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(v1.documentUid(), XdsVocabulary.DEPRECATED),
                org.assertj.core.groups.Tuple.tuple(v2.documentUid(), XdsVocabulary.APPROVED));

        f.reports.retract(v1.reportId(), "Examen d'un autre patient", f.doctor);
        f.drain();
        assertThat(inDmp(patient)).filteredOn(e -> e.uniqueId().equals(v2.documentUid()))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(XdsVocabulary.DELETED));
        assertThat(outcomes(v2.documentUid())).containsExactlyInAnyOrder("SENT", "DELETED");
    }

    @Test
    void anAmendmentDuringTheDeferralSendsOnlyTheNewVersion() {
        Patient patient = f.kit.qualifiedPatient("CHEVALIER");
        ReportVersion v1 = f.validated(patient);
        f.reports.amend(v1.reportId(), "Complément", f.doctor);
        ReportVersion v2 = f.reports.validate(v1.reportId(), f.doctor);
        f.afterDeferral();
        assertThat(feedJob(v1.documentUid()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(inDmp(patient)).extracting(XdsDocumentEntry::uniqueId).containsExactly(v2.documentUid());
    }

    @Test
    void invisibleToThePatientAndHiddenFromLegalRepresentativesReachTheDmp() {
        Patient patient = f.kit.qualifiedPatient("BONNET");
        ReportVersion draft = f.draft(patient);
        f.reports.setInvisibleToPatient(draft.reportId(), true, f.doctor);
        ReportVersion v1 = f.reports.validate(draft.reportId(), f.doctor);
        f.afterDeferral();
        XdsDocumentEntry sent = inDmp(patient).get(0);
        assertThat(sent.invisibleToPatient()).isTrue();
        assertThat(sent.hiddenFromLegalRepresentatives()).isFalse();
        assertThat(outcomes(v1.documentUid())).containsExactly("INVISIBLE");

        f.feeding.setHiddenFromLegalRepresentatives(v1.reportId(), true, f.doctor);
        f.drain();
        assertThat(inDmp(patient).get(0).hiddenFromLegalRepresentatives()).isTrue();
        assertThat(inDmp(patient).get(0).invisibleToPatient()).isTrue();
    }

    @Test
    void theUserDeletesADocumentFromTheDmpWithAReason() {
        Patient patient = f.kit.qualifiedPatient("MERCIER");
        ReportVersion v1 = f.validated(patient);
        f.afterDeferral();
        f.feeding.deleteFromDmp(document(v1).id(), "Demande du patient", f.doctor);
        f.drain();
        assertThat(inDmp(patient)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(XdsVocabulary.DELETED));
    }

    private List<XdsDocumentEntry> inDmp(Patient patient) {
        return f.kit.dmp.sandbox.transactions().documents(patient.ins().matricule());
    }

    private OutboxJob feedJob(String documentUid) {
        return f.kit.core.outbox.findByIdempotencyKey(DmpFeedPayload.submissionKey(documentUid)).orElseThrow();
    }

    private ClinicalDocument document(ReportVersion version) {
        return new DocumentRepository(f.kit.db.database().dsl()).findByDocumentUid(version.documentUid()).orElseThrow();
    }

    private List<String> outcomes(String uid) {
        return f.kit.db.database().dsl().select(DMP_FEED_RECORD.OUTCOME).from(DMP_FEED_RECORD)
                .where(DMP_FEED_RECORD.UNIQUE_ID.eq(uid)).orderBy(DMP_FEED_RECORD.OCCURRED_AT, DMP_FEED_RECORD.ID)
                .fetch(DMP_FEED_RECORD.OUTCOME);
    }

}
