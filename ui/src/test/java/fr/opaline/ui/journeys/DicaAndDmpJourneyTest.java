package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.dmp.consent.ConsentDecision;
import fr.opaline.dmp.consent.ConsentOrigin;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.dmp.SandboxDocuments;
import fr.opaline.ui.testing.DesktopFixture;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 journeys on the DMP, against the sandbox DMP over mutual TLS: open a record and read
 * the DICA checklist; record consent there and see the icon change (SC.DMP/UX.13, CONF.06: no
 * request reaches the DMP before the consent); integrate a document of the DMP with its counts
 * shown without a click (SC.DMP/UX.14, RIS.DMP/UX.15/17).
 */
class DicaAndDmpJourneyTest extends DesktopJourney {

    private DmpSandbox dmp;

    @Override
    protected String login() {
        return "lambert";
    }

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        dmp = fixture.withDmp();
        if (testName.startsWith("integrate")) {
            fixture.dmpConsent.record(fixture.qualified.id(), ConsentDecision.consents(), ConsentOrigin.DESK,
                    Actor.user(fixture.radiologist.id(), fixture.radiologist.login()));
            Instant created = fixture.at(LocalTime.of(8, 0)).minusSeconds(86_400 * 30);
            byte[] cda = SandboxDocuments.cda(new SandboxDocuments.Spec("1.2.250.1.999.1.77", "1.2.250.1.999.2.77", 1,
                    "18748-4", "IRM du genou droit", "IRM du genou droit", "10000000001", "Paul", "MARTIN",
                    "1750000099", "Clinique du Parc", created, "Ménisque interne intact."),
                    fixture.qualified.ins().matricule(), fixture.qualified.ins().oid());
            dmp.transactions().addThirdPartyDocument(fixture.qualified.ins(), cda,
                    SandboxDocuments.metadata(cda, true, false), created);
        }
    }

    @Test
    void readTheDicaChecklistThenRecordConsentAndSeeTheIconChange() throws Exception {
        openQualifiedRecord();
        until(() -> text("#dica-icon").equals("DMP non accessible")
                && robot.lookup("#dica-icon").query().getStyleClass().contains("dica-inactive"));
        assertThat(robot.lookup("#dica-icon").queryAs(ToggleButton.class).getTooltip().getText())
                .contains("[x] INS", "[ ] Consentement", "[x] Authentification");

        robot.clickOn("#dica-icon");
        until(() -> robot.lookup("#dica-panel").query().isVisible());
        assertThat(text("#dica-rpps-notice")).as("DMP/CONF.11, where the user first acts on the DMP")
                .contains("tracés sous votre identifiant national (RPPS)");
        assertThat(text("#dica-state-INS")).isEqualTo("Satisfaite");
        assertThat(text("#dica-state-CONSENT")).isEqualTo("Non satisfaite");
        assertThat(text("#dica-state-AUTHENTICATION")).isEqualTo("Satisfaite");
        assertThat(text("#dica-state-DMP")).isEqualTo("Non vérifiée");
        assertThat(robot.lookup("#dica-remedy-RECORD_CONSENT").tryQuery()).isPresent();
        // No consent, no request: nothing about this patient reached the DMP.
        assertThat(dmp.transactions().requestsAbout(f.qualified.ins().matricule())).isZero();

        robot.clickOn("#dica-consent-yes");
        robot.clickOn("#dica-consent-save");
        until(() -> text("#dica-icon").equals("DMP accessible"));
        assertThat(robot.lookup("#dica-icon").query().getStyleClass()).contains("dica-active");
        until(() -> text("#dica-state-DMP").equals("Satisfaite"));
        until(() -> text("#dmp-counts").startsWith("Aucun nouveau document"));
        assertThat(f.dmpConsent.currentEpisode(f.qualified.id()).orElseThrow().consultationConsent())
                .isEqualTo(ConsultationConsent.GRANTED);
        assertThat(dmp.transactions().requestsAbout(f.qualified.ins().matricule())).isPositive();
        // The record's histories (issue 23): the consent just traced, by whom and how.
        javafx.scene.control.TitledPane history = robot.lookup("#record-history")
                .queryAs(javafx.scene.control.TitledPane.class);
        robot.interact(() -> history.setExpanded(true));
        until(() -> robot.from(robot.lookup("#record-history-consent").queryAs(javafx.scene.Node.class))
                .lookup(".label").queryAll().stream().map(n -> ((Labeled) n).getText())
                .anyMatch(t -> t.contains("origine DICA") && t.endsWith("par lambert")));
    }

    @Test
    void integrateADocumentOfTheDmp() throws Exception {
        openQualifiedRecord();
        until(() -> text("#dmp-counts").startsWith("1 nouveau document depuis votre dernière consultation, dont 1 invisible"));
        robot.clickOn("DMP (1, 1 nouv.)");
        until(() -> robot.lookup("IRM du genou droit").tryQuery().isPresent());
        assertThat(robot.lookup("Invisible au patient · Nouveau").tryQuery()).isPresent();
        robot.clickOn("IRM du genou droit");
        robot.clickOn("#dmp-integrate");
        until(() -> robot.lookup("Documents (1)").tryQuery().isPresent());
        until(() -> robot.lookup("Invisible au patient · Déjà dans le dossier").tryQuery().isPresent());

        List<ClinicalDocument> held = new DocumentRepository(f.db.database().dsl()).listForPatient(f.qualified.id());
        assertThat(held).singleElement().satisfies(d -> {
            assertThat(d.provenance()).isEqualTo(Provenance.DMP);
            assertThat(d.documentUid()).isEqualTo("1.2.250.1.999.1.77");
            assertThat(d.invisibleToPatient()).isTrue();
        });

        robot.clickOn(robot.from(robot.lookup("#dmp-documents").queryAs(javafx.scene.Node.class))
                .lookup("IRM du genou droit").queryAs(javafx.scene.Node.class));
        robot.clickOn("#dmp-make-visible");
        until(() -> robot.lookup("Déjà dans le dossier").tryQuery().isPresent());
        assertThat(dmp.transactions().documents(f.qualified.ins().matricule())).singleElement()
                .satisfies(e -> assertThat(e.invisibleToPatient()).isFalse());

        robot.clickOn("Documents (1)");
        robot.clickOn(robot.from(robot.lookup("#record-documents").queryAs(javafx.scene.Node.class))
                .lookup("IRM du genou droit").queryAs(javafx.scene.Node.class));
        until(() -> text("#viewer-title").equals("IRM du genou droit") && !text("#viewer-note").isEmpty());
        // A CDA without a PDF copy (the sandbox's third-party N1 has a text body): the viewer says so
        // and shows the CDA's own view instead.
        assertThat(text("#viewer-note")).startsWith("Pas de PDF");
        until(() -> text("#viewer-cda-text").contains("Auteur : Paul MARTIN"));
        assertThat(text("#viewer-cda-text")).contains("Document non structuré");
    }

    private void openQualifiedRecord() throws Exception {
        robot.clickOn("#appointment-" + f.qualifiedAtNine.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-name").tryQuery().map(n -> ((Labeled) n).getText().startsWith("MARTIN"))
                .orElse(false));
    }
}
