package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The session locks after inactivity and hides patient data until the same user comes back: by
 * the desktop's own idle timer, put off by the user's input, and at once with Ctrl+L.
 */
class SessionLockJourneyTest extends DesktopJourney {

    @Test
    void inactivityLocksAndTheSameUserUnlocks() throws Exception {
        robot.interact(() -> {
            f.core.clock.advance(Duration.ofMinutes(11));
            app.session().tick();
        });
        until(() -> robot.lookup("#lock").tryQuery().isPresent());
        assertThat(app.mainWindow().isVisible()).isFalse();
        assertThat(text(".lock-user")).isEqualTo("secretariat");

        robot.clickOn("#lock #demo-secretariat");

        until(() -> !app.session().isLocked());
        assertThat(app.mainWindow().isVisible()).isTrue();
        assertThat(robot.lookup("#lock").tryQuery()).isEmpty();
    }

    @Test
    void theDesktopsOwnTimerLocksAfterTheIdleTime() throws Exception {
        // No call to tick() here: the desktop's timer (every 5 s) must notice the idle time itself.
        robot.interact(() -> f.core.clock.advance(Duration.ofMinutes(11)));
        until(() -> robot.lookup("#lock").tryQuery().isPresent());
        assertThat(app.mainWindow().isVisible()).isFalse();
    }

    @Test
    void aKeyPressedPutsTheLockOff() throws Exception {
        robot.interact(() -> f.core.clock.advance(Duration.ofMinutes(9)));
        robot.press(KeyCode.SHIFT).release(KeyCode.SHIFT);
        robot.interact(() -> {
            f.core.clock.advance(Duration.ofMinutes(2));
            app.session().tick();
        });
        // tick() ran on the FX thread and returned: its decision is taken, nothing to wait for.
        assertThat(app.session().isLocked()).as("11 min after sign-in but 2 min after the key").isFalse();
        robot.interact(() -> {
            f.core.clock.advance(Duration.ofMinutes(8));
            app.session().tick();
        });
        assertThat(app.session().isLocked()).as("10 min after the key").isTrue();
    }

    @Test
    void ctrlLLocksAtOnce() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        until(() -> robot.lookup("#lock").tryQuery().isPresent());
        assertThat(app.session().isLocked()).isTrue();
        assertThat(app.mainWindow().isVisible()).isFalse();
    }
}
