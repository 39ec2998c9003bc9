package fr.opaline.ui.testing;

import fr.opaline.ui.concurrent.Background;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A background whose work and whose UI hand-overs wait until the test lets them run, on the test's
 * thread: to ask for something while a read is in flight, deterministically.
 */
public final class Stepped {

    private final Queue workers = new Queue();
    private final Deque<Runnable> ui = new ArrayDeque<>();
    private final Background background = new Background(workers, ui::add);

    public Background background() {
        return background;
    }

    /** Runs the pending work only (its results wait for {@link #deliver()}). */
    public void work() {
        workers.drain();
    }

    /** Hands the waiting results to the UI. */
    public void deliver() {
        while (!ui.isEmpty()) {
            ui.poll().run();
        }
    }

    /** Work and hand-overs until nothing is left. */
    public void settle() {
        while (!workers.tasks.isEmpty() || !ui.isEmpty()) {
            work();
            deliver();
        }
    }

    /** Work waiting to run. */
    public int pendingWork() {
        return workers.tasks.size();
    }

    private static final class Queue extends TestExecutor {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        void drain() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }
    }
}
