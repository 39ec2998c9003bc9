package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.DrimboxApi;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.user.Role;
import fr.opaline.drimboxbridge.conso.DrimboxConsultation;
import fr.opaline.server.DrimboxEndpoint;
import fr.opaline.ui.testing.DesktopFixture;
import java.util.Map;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 journey: from the patient record, the radiologist asks for an exam's images in the
 * DRIMbox conso (the server's drimbox API); without the patient's consultation consent it is
 * refused with the reason; once consent is recorded the contextual address (patient INS, exam) is
 * shown, ready to open in the browser, and the call is audited (SC.DB/TRA.05).
 */
class DrimboxImagesJourneyTest extends DesktopJourney {

    @Override
    protected String login() {
        return "lambert";
    }

    @Override
    protected void prepare(DesktopFixture fixture) {
        fixture.core.user("lambert", Role.RADIOLOGUE, "99700000000");
        DrimboxConsultation conso = new DrimboxConsultation(fixture.db.database(), fixture.core.audit,
                "https://drimbox-conso.cabinet.test/viewer?study={studyInstanceUid}&an={accessionNumber}&ins={ins}");
        fixture.apiAreas = events -> Map.of(DrimboxApi.class, new DrimboxEndpoint(conso));
    }

    @Test
    void theRadiologistOpensTheExamsImagesOnceThePatientConsented() throws Exception {
        String accession = f.qualifiedAtNine.order().accessionNumber();
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-name").tryQuery().isPresent());
        robot.clickOn("Demandes (1)");
        robot.clickOn(robot.from(robot.lookup("#record-orders").queryAs(javafx.scene.Node.class)).lookup(accession)
                .queryAs(javafx.scene.Node.class));
        robot.clickOn("#record-order-images");
        until(() -> robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("Consultation de la DRIMbox refusée")).tryQuery().isPresent());
        assertThat(robot.lookup("#drimbox-dialog").tryQuery()).isEmpty();

        f.db.database().inTransactionRun(ctx -> {
            CareEpisodeRepository episodes = new CareEpisodeRepository(ctx);
            CareEpisode e = episodes.findById(f.qualifiedAtNine.order().careEpisodeId()).orElseThrow();
            episodes.update(new CareEpisode(e.id(), e.patientId(), e.openedAt(), e.closedAt(), true,
                    e.dmpFeedingOpposition(), ConsultationConsent.GRANTED, f.core.clock.instant(), null, null, null,
                    null, e.rowVersion()));
        });
        robot.clickOn("#record-order-images");
        until(() -> robot.lookup("#drimbox-url").tryQuery().isPresent());
        assertThat(text("#drimbox-url")).startsWith("https://drimbox-conso.cabinet.test/viewer?study=")
                .contains("an=" + accession).contains("ins=" + f.qualified.ins().matricule());
        assertThat(f.core.audit.latest(5)).extracting(e -> e.action()).contains(DrimboxConsultation.AUDIT_ACTION);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#drimbox-dialog").tryQuery().isEmpty());
    }
}
