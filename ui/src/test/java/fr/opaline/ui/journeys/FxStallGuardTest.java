package fr.opaline.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The guard of the journeys can fail: a handler that blocks the FX thread is caught and named. */
@ExtendWith(ApplicationExtension.class)
class FxStallGuardTest {

    @Start
    void start(Stage stage) {
        Button button = new Button("Bloquer");
        button.setId("block");
        button.setOnAction(e -> blockTheFxThread());
        stage.setScene(new Scene(button, 200, 100));
        stage.show();
    }

    static void blockTheFxThread() {
        try {
            Thread.sleep(300); // what a database call on the FX thread looks like
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHandlerThatBlocksTheFxThreadFailsTheJourney(FxRobot robot) throws Exception {
        try (FxStallGuard guard = new FxStallGuard()) {
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            robot.clickOn("#block");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !guard.blockingViolations().isEmpty());
            assertThatThrownBy(guard::assertNoStall).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("blocked more than 100 ms")
                    .hasMessageContaining("BLOCKING")
                    .hasMessageContaining("blockTheFxThread");
        }
    }

    @Test
    void aQuietFxThreadPasses(FxRobot robot) throws Exception {
        try (FxStallGuard guard = new FxStallGuard()) {
            for (int i = 0; i < 20; i++) {
                Platform.runLater(() -> { });
                WaitForAsyncUtils.sleep(10, TimeUnit.MILLISECONDS);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(guard.blockingViolations()).isEmpty();
            guard.assertNoStall();
        }
    }
}
