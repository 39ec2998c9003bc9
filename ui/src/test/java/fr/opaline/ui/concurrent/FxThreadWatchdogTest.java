package fr.opaline.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.ui.concurrent.FxThreadWatchdog.Cause;
import fr.opaline.ui.concurrent.FxThreadWatchdog.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a stall is attributed from the FX thread's CPU time and sampled states and stacks. */
class FxThreadWatchdogTest {

    static final long MS = 1_000_000;
    static final long LIMIT = 100 * MS;

    static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }

    static final StackTraceElement[] RENDER_WAIT = {
            frame("jdk.internal.misc.Unsafe", "park"),
            frame("java.util.concurrent.locks.LockSupport", "park"),
            frame("java.util.concurrent.CountDownLatch", "await"),
            frame("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete"),
            frame("javafx.scene.Scene$ScenePulseListener", "pulse"),
            frame("com.sun.glass.ui.monocle.RunnableProcessor", "run")};

    static final StackTraceElement[] CSS = {
            frame("javafx.scene.CssStyleHelper", "transitionToState"),
            frame("javafx.scene.Node", "doProcessCSS"),
            frame("com.sun.glass.ui.monocle.RunnableProcessor", "run")};

    static final StackTraceElement[] QUERY_ON_FX = {
            frame("sun.nio.ch.SocketDispatcher", "read0"),
            frame("org.postgresql.core.PGStream", "receiveChar"),
            frame("fr.opaline.core.patient.PatientRepository", "search"),
            frame("fr.opaline.ui.patient.PatientSearchPane", "lambda$new$0"),
            frame("com.sun.glass.ui.monocle.RunnableProcessor", "run")};

    static final StackTraceElement[] CELL = {
            frame("fr.opaline.ui.worklist.WorklistMonitorView", "lambda$new$2"),
            frame("javafx.scene.control.TableCell", "updateItem"),
            frame("com.sun.glass.ui.monocle.RunnableProcessor", "run")};

    /** Samples every 5 ms from the post, all in the same state and stack. */
    static List<Sample> samples(int count, Thread.State state, StackTraceElement[] stack) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            samples.add(new Sample(i * 5 * MS, state, stack));
        }
        return samples;
    }

    @Test
    void waitingOnTheNetworkOrALockIsBlocking() {
        var violation = FxThreadWatchdog.classify(Duration.ofMillis(160), Duration.ofMillis(3), 0,
                samples(30, Thread.State.RUNNABLE, QUERY_ON_FX), LIMIT);
        assertThat(violation.cause()).isEqualTo(Cause.BLOCKING);
        assertThat(violation.waited()).isEqualTo(Duration.ofMillis(150));
        assertThat(violation.toString()).contains("PatientRepository.search");
        assertThat(FxThreadWatchdog.classify(Duration.ofMillis(160), Duration.ofMillis(1), 0,
                samples(30, Thread.State.BLOCKED, CELL), LIMIT).cause()).isEqualTo(Cause.BLOCKING);
    }

    @Test
    void computingTooLongIsWorkBlamedOnOpalineWhenItsCodeIsSeen() {
        List<Sample> mixed = new ArrayList<>(samples(10, Thread.State.RUNNABLE, CSS));
        mixed.add(new Sample(60 * MS, Thread.State.RUNNABLE, CELL));
        var violation = FxThreadWatchdog.classify(Duration.ofMillis(170), Duration.ofMillis(150), 0, mixed, LIMIT);
        assertThat(violation.cause()).isEqualTo(Cause.APPLICATION_WORK);
        assertThat(violation.stack()).containsExactly(CELL);
        assertThat(FxThreadWatchdog.classify(Duration.ofMillis(170), Duration.ofMillis(150), 0,
                samples(30, Thread.State.RUNNABLE, CSS), LIMIT).cause()).isEqualTo(Cause.TOOLKIT_WORK);
    }

    @Test
    void aThreadThatGotNoProcessorOrWaitedForTheRendererWasStarved() {
        var starved = FxThreadWatchdog.classify(Duration.ofMillis(250), Duration.ofMillis(20), 0,
                samples(40, Thread.State.RUNNABLE, CELL), LIMIT);
        assertThat(starved.cause()).isEqualTo(Cause.STARVED);
        assertThat(starved.cause().blocksTheInterface()).isFalse();
        assertThat(FxThreadWatchdog.classify(Duration.ofMillis(250), Duration.ofMillis(5), 0,
                samples(40, Thread.State.WAITING, RENDER_WAIT), LIMIT).cause()).isEqualTo(Cause.STARVED);
    }
}
