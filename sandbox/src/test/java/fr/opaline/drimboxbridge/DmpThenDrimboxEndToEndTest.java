package fr.opaline.drimboxbridge;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.dmp.feeding.FeedingKit;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.drimboxbridge.feed.DrimboxAfterDmp;
import fr.opaline.drimboxbridge.feed.DrimboxFeedListener;
import fr.opaline.drimboxbridge.feed.DrimboxJobs;
import fr.opaline.drimboxbridge.feed.DrimboxSendHandler;
import fr.opaline.drimboxbridge.feed.DrimboxSettings;
import fr.opaline.sandbox.drimbox.DrimboxSandbox;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.sent.SentMessageLog;
import fr.opaline.hl7.transmission.MessageRouting;
import fr.opaline.hl7.transmission.ReportTransmissions;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.statistics.UsageReport;
import fr.opaline.core.statistics.UsageStatistics;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole chain over the network, as the practice server wires it: a validated CR is fed to the
 * sandbox DMP (SOAP over mutual TLS) after the deferral, and only once the DMP has acknowledged it
 * does it reach the sandbox DRIMbox source over MLLP; the amendment and the retraction follow to
 * both (SC.DB/RIS.12, SC.DMP/ALI/PROG.02).
 */
class DmpThenDrimboxEndToEndTest {

    FeedingKit f;
    DrimboxSandbox drimbox;
    Hl7Sender sender;

    @BeforeEach
    void wire() throws Exception {
        f = new FeedingKit();
        drimbox = new DrimboxSandbox(0, 0, f.kit.core.clock);
        drimbox.start();
        var database = f.kit.db.database();
        DrimboxSettings settings = new DrimboxSettings(MllpEndpoint.of("127.0.0.1", drimbox.mllpPort()),
                DrimboxSettings.Format.MDM, MessageRouting.of("690000001", "DRIMBOX", "DRIMBOX"), true);
        f.kit.core.outbox.onDone(DrimboxJobs.DMP_FEED, new DrimboxAfterDmp(database, settings));
        f.reports.addPublicationListener(new DrimboxFeedListener(f.kit.core.outbox, settings));
        sender = new Hl7Sender(new SentMessageLog(database, IdGenerator.timeOrdered(f.kit.core.clock), f.kit.core.clock));
        f.worker.register(new DrimboxSendHandler(database, new ReportTransmissions(f.loader, f.kit.core.clock), settings,
                sender, f.kit.core.clock));
    }

    @AfterEach
    void close() throws Exception {
        if (sender != null) {
            sender.close();
        }
        if (drimbox != null) {
            drimbox.stop(Duration.ofSeconds(1));
        }
        f.close();
    }

    @Test
    void validateAmendRetractReachTheDmpThenTheDrimbox() {
        Patient patient = f.kit.qualifiedPatient("FONTAINE");
        ReportVersion v1 = f.validated(patient);
        f.drain();
        assertThat(inDmp(patient)).isEmpty();
        assertThat(drimbox.documents()).as("the DRIMbox waits for the DMP").isEmpty();

        f.afterDeferral();
        assertThat(inDmp(patient)).extracting(XdsDocumentEntry::uniqueId).containsExactly(v1.documentUid());
        assertThat(drimbox.documents().get(v1.documentUid()).status()).isEqualTo("ACTUEL");
        assertThat(drimbox.documents().get(v1.documentUid()).patientIns()).isEqualTo(patient.ins().matricule());

        f.reports.amend(v1.reportId(), "Erreur de latéralité", f.doctor);
        ReportVersion v2 = f.reports.validate(v1.reportId(), f.doctor);
        f.drain();
        assertThat(drimbox.documents()).doesNotContainKey(v2.documentUid());
        f.afterDeferral();
        assertThat(inDmp(patient)).filteredOn(e -> e.uniqueId().equals(v2.documentUid())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(XdsVocabulary.APPROVED));
        assertThat(drimbox.documents().get(v1.documentUid()).status()).isEqualTo("REMPLACE");
        assertThat(drimbox.documents().get(v2.documentUid()).status()).isEqualTo("ACTUEL");

        f.reports.retract(v1.reportId(), "Examen d'un autre patient", f.doctor);
        f.afterDeferral();
        assertThat(inDmp(patient)).filteredOn(e -> e.uniqueId().equals(v2.documentUid())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(XdsVocabulary.DELETED));
        assertThat(drimbox.documents().get(v2.documentUid()).status()).isEqualTo("SUPPRIME");

        assertThat(drimbox.messages()).extracting(m -> m.get("action")).containsExactly("INITIAL", "REPLACE", "DELETE");
        assertThat(drimbox.messages()).extracting(m -> m.get("ack")).containsOnly("AA");
        assertThat(f.kit.core.outbox.countByState(Set.of(DrimboxJobs.SEND)).get(JobState.DONE)).isEqualTo(3);
        assertThat(f.kit.dmp.sandbox.transactions().acceptedSubmissions(v1.documentUid())).isEqualTo(1);
        // every attempt counted by the sandboxes, refused duplicates and repeated messages included
        assertThat(f.kit.dmp.sandbox.transactions().submissionAttempts(v1.documentUid())).isEqualTo(1);
        assertThat(f.kit.dmp.sandbox.transactions().submissionAttempts(v2.documentUid())).isEqualTo(1);
        assertThat(drimbox.messagesAbout("INITIAL", v1.documentUid())).isEqualTo(1);
        assertThat(drimbox.messagesAbout("REPLACE", v2.documentUid())).isEqualTo(1);
        assertThat(drimbox.messagesAbout("DELETE", v2.documentUid())).isEqualTo(1);

        YearMonth month = YearMonth.now(f.kit.core.clock);
        UsageReport statistics = new UsageStatistics(f.kit.db.database(), new PracticeProfile("Cabinet", null, null, null,
                null, null, null, null, null, null, null), f.kit.core.clock).report(month, month);
        assertThat(statistics.count(month, DocumentType.CR_IMAGERIE, Indicator.DMP_REUSSI))
                .as("the CR and its replacement, acknowledged by the DMP; a deletion is not a feed").isEqualTo(2);
        assertThat(statistics.count(month, DocumentType.CR_IMAGERIE, Indicator.DMP_ECHEC)).isZero();
    }

    private List<XdsDocumentEntry> inDmp(Patient patient) {
        return f.kit.dmp.sandbox.transactions().documents(patient.ins().matricule());
    }
}
