package fr.opaline.ui.journeys;

import fr.opaline.ui.concurrent.FxThreadWatchdog;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * Fails a journey when the FX thread was blocked for more than 100 ms while it ran (issue 9:
 * "a test fails if the FX thread is blocked more than 100 ms during those journeys"): when it
 * waited (I/O, sleep, lock) or computed for more than 100 ms in one stall. A heartbeat that was
 * late only because the machine gave the thread no processor is printed, not failed.
 */
final class FxStallGuard implements AutoCloseable {

    static final Duration LIMIT = Duration.ofMillis(100);

    private final FxThreadWatchdog watchdog = new FxThreadWatchdog(LIMIT, Platform::runLater, v -> { });

    FxStallGuard() {
        watchdog.start();
    }

    List<FxThreadWatchdog.Violation> violations() {
        return watchdog.violations();
    }

    List<FxThreadWatchdog.Violation> blockingViolations() {
        return watchdog.violations().stream().filter(v -> v.cause().blocksTheInterface()).toList();
    }

    void assertNoStall() {
        List<FxThreadWatchdog.Violation> all = watchdog.violations();
        all.stream().filter(v -> !v.cause().blocksTheInterface()).forEach(v -> System.err.println(
                "Note: FX thread late " + v.blocked().toMillis() + " ms but busy only " + v.busy().toMillis()
                        + " ms and waiting " + v.waited().toMillis() + " ms (machine busy; not failed)"));
        List<FxThreadWatchdog.Violation> blocking = blockingViolations();
        if (!blocking.isEmpty()) {
            throw new AssertionError("The FX thread was blocked more than " + LIMIT.toMillis() + " ms during the journey:\n"
                    + blocking.stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
