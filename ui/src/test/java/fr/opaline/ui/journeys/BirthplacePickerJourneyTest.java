package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.ui.testing.DesktopFixture;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * A birthplace is chosen by name at patient creation, with its département, among the communes
 * shipped with Opaline (searched on the practice server): a delegated commune, Cherbourg-Octeville
 * (50129), is found by its name, and the form shows the name, not the code; so does the record.
 */
class BirthplacePickerJourneyTest extends DesktopJourney {

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        fixture.withCommunes();
    }

    @Override
    protected void warmUpJourney() throws Exception {
        openNewPatient();
        typeInto("#booking-dialog #new-birthplace-name", "Pari");
        until(() -> robot.lookup(".context-menu").tryQuery().isPresent());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());
    }

    private void openNewPatient() throws Exception {
        robot.clickOn("#agenda-book");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        robot.clickOn("#booking-new-patient");
        until(() -> robot.lookup("#booking-dialog #new-birthplace-name").tryQuery().isPresent());
    }

    @Test
    void cherbourgOctevilleIsFoundByNameWithItsDepartement() throws Exception {
        openNewPatient();
        javafx.scene.control.TextField name = robot.lookup("#booking-dialog #new-birthplace-name").queryAs(javafx.scene.control.TextField.class);
        robot.interact(name::clear);
        typeInto("#booking-dialog #new-birthplace-name", "Cherbourg-Oct");
        String shown = "Cherbourg-Octeville (50) — Commune déléguée";
        until(() -> robot.lookup(shown).tryQuery().isPresent());
        robot.clickOn(shown);
        untilText("#booking-dialog #new-birthplace-chosen", t -> t.equals(shown));
        assertThat(text("#booking-dialog #new-birthplace-name")).isEqualTo("Cherbourg-Octeville");
        assertThat(robot.lookup("#booking-dialog #new-birthplace").tryQuery()).as("no code field").isEmpty();

        // The patient created is born at the code of the place chosen.
        robot.clickOn("#booking-dialog #new-birth-name").write("LEMAIRE");
        untilText("#booking-dialog #new-birth-name", t -> t.equals("LEMAIRE"));
        typeInto("#booking-dialog #new-first-names", "ROSE");
        typeInto("#booking-dialog #new-birth-date", "14/02/1961");
        robot.clickOn("#booking-dialog #new-sex-F");
        robot.clickOn("#booking-dialog #new-patient-create");
        try {
            until(() -> text("#booking-patient").equals("LEMAIRE Rose"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("patient: " + org.testfx.util.WaitForAsyncUtils.asyncFx(() -> text("#booking-patient")
                    + " / erreur : " + text("#new-patient-error")).get(), e);
        }
        assertThat(new fr.opaline.core.patient.PatientRepository(f.db.database().dsl())
                .search(fr.opaline.core.patient.PatientQuery.byName("LEMAIRE")))
                .singleElement().satisfies(p -> assertThat(p.traits().birthplaceCode()).isEqualTo("50129"));

        // The record names the birthplace with its département, never the bare code (50129 is the code
        // the delegated commune shares with the commune nouvelle, whose name the referential gives it).
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());
        robot.clickOn("#nav-patients");
        robot.clickOn("#search-name").write("lemai");
        until(() -> text("#search-status").equals("1 patient trouvé"));
        until(() -> robot.lookup("LEMAIRE").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.doubleClickOn("LEMAIRE");
        untilText("#record-birthplace", t -> t.equals("Cherbourg-en-Cotentin (50)"));
    }
}
