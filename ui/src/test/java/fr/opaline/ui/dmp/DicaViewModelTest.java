package fr.opaline.ui.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.dica.DicaCondition;
import fr.opaline.dmp.dica.DicaRemedy;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DICA of the record follows the server's evaluation and edits consent there (SC.DMP/UX.13). */
class DicaViewModelTest {

    DesktopFixture f;
    DicaViewModel model;

    @BeforeEach
    void open() throws Exception {
        f = new DesktopFixture();
        f.withDmp();
        // The demonstration server's picker stands for AIR simplifié, as in opaline demo.
        model = new DicaViewModel(new fr.opaline.ui.patient.PatientDirectory(f.signedIn(f.radiologist)).dmp(),
                Direct.background(), Messages.french());
    }

    @AfterEach
    void close() throws Exception {
        model.stop();
        f.close();
    }

    @Test
    void consentRecordedFromTheChecklistIsReflectedAtOnce() {
        model.watch(f.qualified.id());
        assertThat(model.checklistProperty().get().item(DicaCondition.CONSENT).met()).isFalse();
        assertThat(model.checklistProperty().get().item(DicaCondition.CONSENT).remedy()).isEqualTo(DicaRemedy.RECORD_CONSENT);
        assertThat(model.mayAskTheDmp()).isFalse();

        model.consultationProperty().set(ConsultationConsent.GRANTED);
        model.saveConsent();

        assertThat(model.checklistProperty().get().item(DicaCondition.CONSENT).met()).isTrue();
        assertThat(model.mayAskTheDmp()).isTrue();
        assertThat(model.patientInformedProperty().get()).isTrue();
        assertThat(f.dmpConsent.currentEpisode(f.qualified.id()).orElseThrow().consultationConsent())
                .isEqualTo(ConsultationConsent.GRANTED);
    }

    @Test
    void aProvisionalIdentityLeavesTheInsConditionUnmetWithItsRemedy() {
        model.watch(f.provisional.id());
        assertThat(model.checklistProperty().get().item(DicaCondition.INS).remedy()).isEqualTo(DicaRemedy.QUALIFY_INS);
        assertThat(model.checklistProperty().get().canConsult()).isFalse();
    }

    @Test
    void theDemoAccountStandsForAirSimplifieOnlyInTheDemo() {
        var signedIn = new fr.opaline.ui.session.AuthenticatedUser(f.radiologist,
                fr.opaline.ui.session.SignInMethod.DEMO, f.core.clock.instant());
        assertThat(DmpUsers.of(signedIn, true).stronglyAuthenticated()).isTrue();
        assertThat(DmpUsers.of(signedIn, false).stronglyAuthenticated()).isFalse();
    }
}
