package fr.opaline.drimboxbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.SampleReport;
import fr.opaline.drimboxbridge.conso.DrimboxConsultation;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The contextual call to the DRIMbox conso needs the patient's consent (SC.DB/TRA.05). */
class DrimboxConsultationTest {

    @Test
    void refusedWithoutConsentThenOpenedWithThePatientAndExamContext() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:15:00Z"), ZoneId.of("Europe/Paris"));
            SampleReport.Result sample = SampleReport.create(db.database(), clock, DrimboxLinkTemplate.defaults());
            DrimboxConsultation conso = new DrimboxConsultation(db.database(), new AuditTrail(db.database(), clock),
                    "https://drimbox-conso.cabinet.local/context?ins={ins}&oid={insOid}&study={studyInstanceUid}&an={accessionNumber}");
            var order = sample.booking().order();
            var doctor = fr.opaline.core.common.Actor.user(sample.radiologist().id(), sample.radiologist().login());
            assertThatThrownBy(() -> conso.contextualUrl(order.id(), doctor)).isInstanceOf(BusinessRuleException.class)
                    .hasMessageContaining("consentement");
            db.database().inTransactionRun(ctx -> {
                CareEpisodeRepository episodes = new CareEpisodeRepository(ctx);
                CareEpisode e = episodes.findById(order.careEpisodeId()).orElseThrow();
                episodes.update(new CareEpisode(e.id(), e.patientId(), e.openedAt(), e.closedAt(), true,
                        e.dmpFeedingOpposition(), ConsultationConsent.GRANTED, clock.instant(), null, null, null, null,
                        e.rowVersion()));
            });
            String url = conso.contextualUrl(order.id(), doctor).toString();
            assertThat(url).contains("ins=" + sample.patient().ins().matricule()).contains("oid=1.2.250.1.213.1.4.10")
                    .contains("an=" + order.accessionNumber()).contains("study=" + sample.booking().step().studyInstanceUid());
        }
    }
}
