package fr.opaline.ui.testing;

import fr.opaline.ui.concurrent.Background;

/** A background that runs everything on the calling thread: view-model tests without threads. */
public final class Direct {

    private Direct() {
    }

    public static Background background() {
        return new Background(new CallerRuns(), Runnable::run);
    }

    private static final class CallerRuns extends TestExecutor {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }
}
