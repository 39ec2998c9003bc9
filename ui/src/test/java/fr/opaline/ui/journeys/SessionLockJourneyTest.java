package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The session locks after inactivity and hides patient data until the same user comes back. */
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
}
