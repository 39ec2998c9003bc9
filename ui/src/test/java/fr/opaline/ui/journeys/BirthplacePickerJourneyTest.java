package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.ui.testing.DesktopFixture;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * A birthplace is chosen by name at patient creation, with its département, among the communes
 * shipped with Opaline (searched on the practice server): a delegated commune, Cherbourg-Octeville
 * (50129), is found by its name, and the form shows the name, not the code.
 */
class BirthplacePickerJourneyTest extends DesktopJourney {

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        fixture.withCommunes();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        openNewPatient();
        typeInto("#new-birthplace-name", "Pari");
        until(() -> robot.lookup(".context-menu").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());
    }

    private void openNewPatient() throws Exception {
        robot.clickOn("#agenda-book");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        robot.clickOn("#booking-new-patient");
        until(() -> robot.lookup("#new-birthplace-name").tryQuery().isPresent());
    }

    @Test
    void cherbourgOctevilleIsFoundByNameWithItsDepartement() throws Exception {
        openNewPatient();
        javafx.scene.control.TextField name = robot.lookup("#new-birthplace-name").queryAs(javafx.scene.control.TextField.class);
        robot.interact(name::clear);
        typeInto("#new-birthplace-name", "Cherbourg-Oct");
        String shown = "Cherbourg-Octeville (50) — Commune déléguée";
        until(() -> robot.lookup(shown).tryQuery().isPresent());
        robot.clickOn(shown);
        untilText("#new-birthplace-chosen", t -> t.equals(shown));
        assertThat(text("#new-birthplace-name")).isEqualTo("Cherbourg-Octeville");
        assertThat(robot.lookup("#new-birthplace").tryQuery()).as("no code field").isEmpty();
    }
}
