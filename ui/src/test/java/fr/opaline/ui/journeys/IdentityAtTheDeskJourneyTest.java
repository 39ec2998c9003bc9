package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.IdentityStatusChange;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.ui.widgets.IdentityBadge;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the identity at the desk, driven from the record through the practice server. The
 * identity-document check moves récupérée → qualifiée and provisoire → validée (once douteuse is
 * cleared); correcting a trait INSi returned is refused until the warning is confirmed, then drops
 * qualifiée to validée and withdraws the INS; contact details are edited freely. Each change is in
 * the identity history with its reason and its author. (The desk's form sits in the record's
 * scrolled left column: its buttons are fired and its fields typed into as the user's focus would.)
 */
class IdentityAtTheDeskJourneyTest extends DesktopJourney {

    @Test
    void aRetrievedIdentityBecomesQualifieeWhenTheIdentityCardIsChecked() throws Exception {
        openRecord("lef", "LEFEVRE");
        assertThat(status()).isEqualTo("Identité récupérée");

        press("#identity-check-open");
        until(() -> robot.lookup("#identity-check-document").tryQuery().isPresent());
        choose("#identity-check-document", IdentityEvidence.CNI);
        // Nothing is qualified without the deliberate tick.
        assertThat(robot.lookup("#identity-check-save").queryAs(ButtonBase.class).isDisabled()).isTrue();
        press("#identity-check-seen");
        press("#identity-check-save");

        until(() -> status().equals("Identité qualifiée"));
        assertThat(stored(f.retrieved.id()).status()).isEqualTo(IdentityStatus.QUALIFIEE);
        assertThat(lastChange(f.retrieved.id())).satisfies(c -> {
            assertThat(c.fromStatus()).isEqualTo(IdentityStatus.RECUPEREE);
            assertThat(c.toStatus()).isEqualTo(IdentityStatus.QUALIFIEE);
            assertThat(c.reason()).contains("Carte nationale d'identité", "secretariat");
            assertThat(c.actorLogin()).isEqualTo("secretariat");
        });
        // The record's histories (issue 23) show that change, read through the server when opened.
        javafx.scene.control.TitledPane history = robot.lookup("#record-history")
                .queryAs(javafx.scene.control.TitledPane.class);
        robot.interact(() -> history.setExpanded(true));
        until(() -> robot.from(robot.lookup("#record-history-identity").queryAs(javafx.scene.Node.class))
                .lookup(".label").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.contains("Récupérée → Qualifiée") && t.endsWith("par secretariat")));
    }

    @Override
    protected void prepare(fr.opaline.ui.testing.DesktopFixture fixture) throws Exception {
        if (testName.startsWith("theDica")) {
            fixture.withDmp();
        }
    }

    @Test
    void theDicaLinkQualifierLInsOpensTheIdentityCheckAndTheInsConditionIsMet() throws Exception {
        openRecord("lef", "LEFEVRE");
        robot.clickOn("#dica-icon");
        until(() -> robot.lookup("#dica-panel").query().isVisible());
        until(() -> robot.lookup("#dica-remedy-QUALIFY_INS").tryQuery().isPresent());
        assertThat(text("#dica-state-INS")).isEqualTo("Non satisfaite");

        press("#dica-remedy-QUALIFY_INS");
        until(() -> robot.lookup("#identity-check-document").tryQuery().isPresent());
        choose("#identity-check-document", IdentityEvidence.PASSEPORT);
        press("#identity-check-seen");
        press("#identity-check-save");

        until(() -> status().equals("Identité qualifiée"));
        until(() -> text("#dica-state-INS").equals("Satisfaite"));
        assertThat(stored(f.retrieved.id()).status()).isEqualTo(IdentityStatus.QUALIFIEE);
    }

    @Test
    void correctingALockedTraitAfterTheWarningDropsQualifieeToValidee() throws Exception {
        openRecord("mart", "MARTIN");
        assertThat(status()).isEqualTo("Identité qualifiée");

        press("#identity-traits-open");
        until(() -> robot.lookup("#identity-traits-birthName").tryQuery().isPresent());
        typeInto("#identity-traits-birthName", "-DUPONT");
        typeInto("#identity-traits-reason", "Nom composé sur le passeport");
        press("#identity-traits-save");
        until(() -> robot.lookup("#identity-traits-warning").query().isVisible());
        assertThat(text("#identity-traits-warning")).contains("retire l’INS", "qualifiée devient validée");
        // The warning alone changes nothing.
        assertThat(stored(f.qualified.id()).status()).isEqualTo(IdentityStatus.QUALIFIEE);

        press("#identity-traits-confirm");
        until(() -> status().equals("Identité validée"));
        Patient after = stored(f.qualified.id());
        assertThat(after.status()).isEqualTo(IdentityStatus.VALIDEE);
        assertThat(after.ins()).isNull();
        assertThat(after.traits().birthName()).isEqualTo("MARTIN-DUPONT");
        assertThat(lastChange(f.qualified.id()).reason()).contains("Correction des traits", "passeport");
    }

    @Test
    void aProvisionalDoubtfulIdentityBecomesValideeOnceCheckedAndCleared() throws Exception {
        openRecord("dur", "DURAND");
        assertThat(status()).isEqualTo("Identité provisoire");

        press("#identity-check-open");
        until(() -> robot.lookup("#identity-check-document").tryQuery().isPresent());
        choose("#identity-check-document", IdentityEvidence.PASSEPORT);
        press("#identity-check-seen");
        press("#identity-check-save");
        until(() -> "PASSEPORT".equals(stored(f.provisional.id()).identityEvidence()));
        // Still douteuse: provisoire whatever the document (RNIV).
        assertThat(status()).isEqualTo("Identité provisoire");

        press("#identity-attributes-open");
        until(() -> robot.lookup("#identity-attr-doubtful").tryQuery().isPresent());
        assertThat(robot.lookup("#identity-attr-doubtful").queryAs(CheckBox.class).isSelected()).isTrue();
        press("#identity-attr-doubtful");
        typeInto("#identity-attr-reason", "Doute levé sur présentation du passeport");
        press("#identity-attr-save");
        until(() -> status().equals("Identité validée"));
        assertThat(stored(f.provisional.id()).status()).isEqualTo(IdentityStatus.VALIDEE);

        press("#identity-contact-open");
        until(() -> robot.lookup("#identity-contact-phone").tryQuery().isPresent());
        typeInto("#identity-contact-phone", "06 12 34 56 78");
        press("#identity-contact-save");
        until(() -> robot.lookup("06 12 34 56 78").queryAll().stream().anyMatch(n -> n instanceof Label));
        assertThat(stored(f.provisional.id()).contact().phone()).isEqualTo("06 12 34 56 78");
        assertThat(stored(f.provisional.id()).status()).isEqualTo(IdentityStatus.VALIDEE);
    }

    private void openRecord(String typed, String name) throws Exception {
        robot.clickOn("#nav-patients");
        robot.clickOn("#search-name").write(typed);
        until(() -> text("#search-status").equals("1 patient trouvé"));
        until(() -> robot.from(robot.lookup("#search-results").queryAs(javafx.scene.Node.class)).lookup(".identity-status")
                .tryQuery().isPresent());
        until(() -> robot.lookup(name).tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.doubleClickOn(name);
        until(() -> robot.lookup("#record-name").tryQuery().map(n -> text("#record-name").startsWith(name))
                .orElse(false) && robot.lookup("#identity-check-open").tryQuery().map(n -> !n.isDisabled())
                .orElse(false));
    }

    private String status() {
        IdentityBadge badge = robot.lookup("#record-identity-badge").queryAs(IdentityBadge.class);
        return robot.from(badge).lookup(".identity-status").queryAs(Label.class).getText();
    }

    private void press(String query) throws Exception {
        until(() -> robot.lookup(query).tryQuery().map(n -> !n.isDisabled()).orElse(false));
        ButtonBase button = robot.lookup(query).queryAs(ButtonBase.class);
        robot.interact(button::fire);
    }

    @SuppressWarnings("unchecked")
    private void choose(String query, IdentityEvidence evidence) {
        ComboBox<IdentityEvidence> combo = robot.lookup(query).queryAs(ComboBox.class);
        robot.interact(() -> combo.getSelectionModel().select(evidence));
    }

    private Patient stored(UUID id) {
        return new PatientRepository(f.db.database().dsl()).findById(id).orElseThrow();
    }

    private IdentityStatusChange lastChange(UUID id) {
        List<IdentityStatusChange> history = new IdentityStatusService(f.db.database(), f.core.patients, f.core.audit,
                f.core.ids, f.core.clock, new PracticeSettings(f.db.database())).history(id);
        return history.get(history.size() - 1);
    }
}
