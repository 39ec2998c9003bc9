package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.ui.testing.DesktopFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's pictures of the identity at the desk, taken headless from the real desktop: the
 * identity-document check form of a récupérée identity, and INSi's answer shown trait by trait
 * (a matricule typed earlier differs). Written to {@code target/screenshots}, or to the folder
 * {@code -Dopaline.screenshots=…} names (the README's are {@code docs/screenshots}).
 */
class IdentityScreenshotsTest extends DesktopJourney {

    @Override
    protected void prepare(DesktopFixture fixture) throws Exception {
        fixture.withInsi();
        fixture.withCommunes();
        Patient typed = fixture.core.patient("PAT-TROIS", "DOMINIQUE", LocalDate.of(1979, 3, 28), Sex.F);
        fixture.core.patients.update(typed.id(), p -> p.withIdentity(p.traits(), new InsNumber(
                DesktopFixture.nir("2790351215999"), InsNumber.OID_TEST_NIR), IdentityStatus.PROVISOIRE,
                IdentityAttributes.NONE, null, null), "test", fixture.core.secretary);
    }

    @Test
    void theIdentityCheckFormAndTheTraitComparison() throws Exception {
        openRecord("lef", "LEFEVRE");
        press("#identity-check-open");
        until(() -> robot.lookup("#identity-check-document").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        ComboBox<IdentityEvidence> document = robot.lookup("#identity-check-document").queryAs(ComboBox.class);
        robot.interact(() -> document.getSelectionModel().select(IdentityEvidence.CNI));
        press("#identity-check-seen");
        until(() -> !robot.lookup("#identity-check-save").query().isDisabled());
        Path check = screenshot("#identity-desk", "identity-check.png");

        openRecord("pat-t", "PAT-TROIS");
        until(() -> robot.lookup("#insi-validate").tryQuery().map(n -> n.isVisible() && !n.isDisabled())
                .orElse(false));
        Path comparison = screenshot("#record-insi-card", "insi-comparison.png");

        // Readable: dates as dd/MM/yyyy, birthplaces named (the code in the tooltip), verdicts in words.
        java.util.List<String> texts = robot.lookup("#insi-comparison").queryAs(javafx.scene.Parent.class)
                .getChildrenUnmodifiable().stream().filter(n -> n instanceof javafx.scene.control.Label)
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        System.out.println("INSi comparison shows " + texts);
        assertThat(texts).contains("28/03/1979", "Paris (75)", "différent", "identique")
                .noneMatch(t -> t.contains("1979-03-28")).noneMatch(t -> t.matches("\\d{5}"));
        // Nothing cut: every label of the card draws its whole text.
        java.util.List<String> clipped = new java.util.ArrayList<>();
        robot.interact(() -> clipped.addAll(fr.opaline.ui.testing.ClippedText.under(
                robot.lookup("#record-insi-card").query())));
        assertThat(clipped).as("clipped text in the INSi card").isEmpty();
        // ...and the helper does see a cut label (as the former table's "Matricule..." was).
        java.util.List<String> cut = new java.util.ArrayList<>();
        robot.interact(() -> {
            javafx.scene.control.Label narrow = new javafx.scene.control.Label("Matricule INS");
            narrow.setMaxWidth(40);
            javafx.scene.layout.StackPane pane = new javafx.scene.layout.StackPane(narrow);
            new javafx.scene.Scene(pane, 40, 30);
            pane.applyCss();
            pane.layout();
            cut.addAll(fr.opaline.ui.testing.ClippedText.under(pane));
        });
        assertThat(cut).singleElement().asString().contains("Matricule INS");

        for (Path png : new Path[] {check, comparison}) {
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as(png.toString()).isGreaterThan(300);
            assertThat(image.getHeight()).as(png.toString()).isGreaterThan(150);
            assertThat(colours(image)).as("a picture, not a blank").isGreaterThan(10);
        }
    }

    private Path screenshot(String query, String name) throws Exception {
        Path folder = Path.of(System.getProperty("opaline.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path png = folder.resolve(name);
        BufferedImage[] copy = new BufferedImage[1];
        unwatched(() -> {
            robot.interact(() -> {
                Node node = robot.lookup(query).query();
                WritableImage image = node.snapshot(null, null);
                PixelReader pixels = image.getPixelReader();
                copy[0] = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < copy[0].getHeight(); y++) {
                    for (int x = 0; x < copy[0].getWidth(); x++) {
                        copy[0].setRGB(x, y, pixels.getArgb(x, y) & 0xFFFFFF);
                    }
                }
            });
            WaitForAsyncUtils.waitForFxEvents();
            ImageIO.write(copy[0], "png", png.toFile());
        });
        return png;
    }

    private static long colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private void openRecord(String typed, String name) throws Exception {
        if (robot.lookup("#record-back").tryQuery().map(Node::isVisible).orElse(false)) {
            robot.clickOn("#record-back");
        }
        robot.clickOn("#nav-patients");
        until(() -> robot.lookup("#search-name").tryQuery().map(Node::isVisible).orElse(false));
        javafx.scene.control.TextField search = robot.lookup("#search-name").queryAs(javafx.scene.control.TextField.class);
        robot.interact(search::clear);
        robot.clickOn("#search-name").write(typed);
        until(() -> text("#search-status").equals("1 patient trouvé"));
        until(() -> robot.lookup(name).tryQuery().map(Node::isVisible).orElse(false));
        robot.doubleClickOn(name);
        until(() -> robot.lookup("#record-name").tryQuery().map(n -> text("#record-name").startsWith(name))
                .orElse(false) && robot.lookup("#identity-check-open").tryQuery().map(n -> !n.isDisabled())
                .orElse(false));
    }

    private void press(String query) throws Exception {
        until(() -> robot.lookup(query).tryQuery().map(n -> !n.isDisabled()).orElse(false));
        ButtonBase button = robot.lookup(query).queryAs(ButtonBase.class);
        robot.interact(button::fire);
    }
}
