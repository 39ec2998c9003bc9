package fr.opaline.ui;

import fr.opaline.ui.shell.DesktopApplication;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the desktop from {@code app} and returns once its window is closed. The JavaFX toolkit
 * is started here (no {@code Application} subclass), so the caller's wiring is passed by
 * constructor rather than through static state.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Opens the desktop window and blocks until the user closes it.
     *
     * @throws UnsupportedOperationException when no display is available
     */
    public static void launch(DesktopContext context) throws InterruptedException {
        Locale.setDefault(context.locale());
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<DesktopApplication> application = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                DesktopApplication desktop = new DesktopApplication(context);
                application.set(desktop);
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                desktop.start(stage);
            } catch (RuntimeException e) {
                failure.set(e);
                closed.countDown();
            }
        });
        closed.await();
        CountDownLatch stopped = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                if (application.get() != null) {
                    application.get().stop();
                }
            } finally {
                stopped.countDown();
            }
        });
        stopped.await();
        Platform.exit();
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
