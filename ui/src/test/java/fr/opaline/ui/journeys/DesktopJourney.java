package fr.opaline.ui.journeys;

import fr.opaline.ui.shell.DesktopApplication;
import fr.opaline.ui.testing.DesktopFixture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A journey through the real desktop (headless Monocle): the desktop in demonstration mode on
 * a small practice, signed in as the secretary. Every screen is visited once before the journey
 * (class loading and first CSS pass are not what the guard is about); then the FX thread is
 * watched and the journey fails if it was ever blocked more than 100 ms.
 */
abstract class DesktopJourney {

    protected DesktopFixture f;
    protected DesktopApplication app;
    protected FxRobot robot;
    private FxStallGuard guard;
    /** The running test method's name, known before {@link #prepare}. */
    protected String testName = "";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The fictitious account the journey signs in with. */
    protected String login() {
        return "secretariat";
    }

    /** Data a journey needs before the desktop opens. */
    protected void prepare(DesktopFixture fixture) throws Exception {
    }

    /** The context the desktop opens on; journeys may add services to the fixture's. */
    protected fr.opaline.ui.DesktopContext context(DesktopFixture fixture) {
        return fixture.context();
    }

    /** Screens of this journey only, visited once before the guard starts watching. */
    protected void warmUpJourney() throws Exception {
    }

    @BeforeEach
    void openSignInAndWarmUp(org.junit.jupiter.api.TestInfo test) throws Exception {
        testName = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        robot = new FxRobot();
        f = new DesktopFixture();
        prepare(f);
        FxToolkit.setupStage((Stage stage) -> {
            app = new DesktopApplication(context(f));
            app.start(stage);
        });
        until(() -> robot.lookup("#demo-" + login()).tryQuery().isPresent());
        robot.clickOn("#demo-" + login());
        until(() -> app.mainWindow() != null && !app.mainWindow().agenda().items().isEmpty());
        warmUp();
        guard = new FxStallGuard();
    }

    /** Every screen and dialog of the journeys once, so the guard watches steady state. */
    private void warmUp() throws Exception {
        robot.clickOn("#appointment-" + f.provisionalAtTen.appointment().id());
        robot.clickOn("#action-record");
        until(() -> robot.lookup("#record-name").tryQuery().isPresent());
        robot.clickOn("Documents (0)");
        robot.clickOn("Demandes (1)");
        robot.clickOn("Rendez-vous (1)");
        robot.clickOn("#record-back");
        robot.clickOn("#agenda-mode-week");
        robot.clickOn("#agenda-mode-day");
        robot.clickOn("#nav-patients");
        robot.clickOn("#search-name").write("D");
        until(() -> text("#search-status").endsWith("trouvé") || text("#search-status").endsWith("trouvés"));
        robot.clickOn("#search-name").eraseText(1);
        robot.clickOn("#nav-worklist");
        until(() -> !app.mainWindow().worklist().steps().isEmpty());
        if (robot.lookup("#nav-queue").tryQuery().map(Node::isVisible).orElse(false)) {
            robot.clickOn("#nav-queue");
            until(() -> app.mainWindow().queue().refreshedAtProperty().get() != null);
        }
        robot.clickOn("#nav-agenda");
        robot.clickOn("#agenda-book");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        robot.clickOn("#booking-new-patient");
        robot.clickOn("#new-sex-F");
        robot.clickOn("#new-patient-create");
        until(() -> robot.lookup("#new-patient-error").tryQuery().map(Node::isVisible).orElse(false));
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());
        warmUpJourney();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void checkTheFxThreadAndClose() throws Exception {
        try {
            if (guard != null) {
                guard.close();
                guard.assertNoStall();
            }
        } finally {
            if (app != null) {
                robot.interact(() -> app.stop());
            }
            FxToolkit.hideStage();
            f.close();
        }
    }

    /** A step of a journey the FX thread's guard does not watch. */
    protected interface Unwatched {
        void run() throws Exception;
    }

    /**
     * Runs a step outside the guard's watch (rendering a screenshot is the test's work, not the
     * interface's); what happened before is checked first, and the watch resumes after.
     */
    protected void unwatched(Unwatched step) throws Exception {
        guard.close();
        guard.assertNoStall();
        step.run();
        WaitForAsyncUtils.waitForFxEvents();
        guard = new FxStallGuard();
    }

    /** Waits (10 s at most) for a condition evaluated on the FX thread. */
    protected void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    /** Waits (10 s at most) until a node's text satisfies the condition; says what it was otherwise. */
    protected void untilText(String query, java.util.function.Predicate<String> condition) throws Exception {
        try {
            until(() -> robot.lookup(query).tryQuery().isPresent() && condition.test(text(query)));
        } catch (java.util.concurrent.TimeoutException e) {
            String shown = WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().isPresent() ? text(query)
                    : "(absent)").get();
            throw new AssertionError(query + " shows \"" + shown + "\"", e);
        }
    }

    /**
     * Types into a text field as a person would after scrolling it into view: the field gets the
     * focus with the caret at the end (a click could land on another node when the field is
     * scrolled out of the small headless screen), then the keys are typed.
     */
    protected void typeInto(String query, String typed) throws Exception {
        javafx.scene.control.TextInputControl input = robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> {
            input.requestFocus();
            input.end();
        });
        until(input::isFocused);
        robot.write(typed);
    }

    protected String text(String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getText()
                : node instanceof javafx.scene.control.TextInputControl input ? input.getText() : node.toString();
    }
}
