package fr.opaline.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 20: a process never keeps running after an OutOfMemoryError. */
class FatalErrorsTest {

    @Test
    void anOutOfMemoryErrorThatEndsAThreadHaltsTheProcessAtOnceWithExitCode3() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classpath, Exhausted.class.getName()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(FatalErrors.OUT_OF_MEMORY_EXIT);
        assertThat(output).contains("Mémoire épuisée").doesNotContain("still running");
    }

    @Test
    void otherErrorsOnlyEndTheirThread() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, OtherError.class.getName()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("still running");
    }

    /** A worker thread exhausts the heap while the main thread would go on serving. */
    public static final class Exhausted {
        public static void main(String[] args) throws Exception {
            FatalErrors.install();
            Thread worker = new Thread(() -> {
                java.util.List<long[]> hog = new java.util.ArrayList<>();
                while (true) {
                    hog.add(new long[1_000_000]);
                }
            }, "mllp-worker");
            worker.start();
            worker.join();
            Thread.sleep(2_000);
            System.out.println("still running");
        }
    }

    public static final class OtherError {
        public static void main(String[] args) throws Exception {
            FatalErrors.install();
            Thread worker = new Thread(() -> {
                throw new IllegalStateException("boom");
            }, "worker");
            worker.start();
            worker.join();
            System.out.println("still running");
        }
    }
}
