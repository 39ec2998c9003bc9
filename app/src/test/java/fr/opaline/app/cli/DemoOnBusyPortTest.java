package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 19: {@code opaline demo --headless} starts while another process holds the DICOM
 * worklist's port 11112, takes a free port and says which, in French. The test holds 11112
 * itself (when nothing else here already does): that busy port is what it is about.
 */
class DemoOnBusyPortTest {

    private static final Pattern CHOSEN = Pattern.compile(
            "Le port 11112 de la worklist DICOM est déjà utilisé sur ce poste : la démonstration prend le port (\\d+)\\.");

    @TempDir
    Path dir;

    @Test
    void theDemoTakesAFreePortWhen11112IsBusyAndSaysWhich() throws Exception {
        ServerSocket holder = hold(11112);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger exit = new AtomicInteger(-1);
            Thread demo = new Thread(() -> {
                CommandLine cli = Main.commandLine();
                cli.setOut(new PrintWriter(out, true));
                cli.setErr(new PrintWriter(err, true));
                exit.set(cli.execute("--home", dir.resolve("home").toString(), "demo", "--headless",
                        "--patients", "20", "--days", "1"));
            }, "demo-under-test");
            demo.start();
            try {
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                while (!out.toString().contains("Ctrl-C pour arrêter") && demo.isAlive() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertThat(out.toString()).as("stderr: " + err).contains("Ctrl-C pour arrêter");
                Matcher chosen = CHOSEN.matcher(out.toString());
                assertThat(chosen.find()).as(out.toString()).isTrue();
                int port = Integer.parseInt(chosen.group(1));
                assertThat(port).isNotEqualTo(11112);
                try (Socket worklist = new Socket()) {
                    worklist.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                    assertThat(worklist.isConnected()).as("the demo's worklist listens on " + port).isTrue();
                }
            } finally {
                demo.interrupt();
                demo.join(Duration.ofSeconds(30).toMillis());
            }
            assertThat(demo.isAlive()).isFalse();
            assertThat(exit.get()).as("stopped by the test").isEqualTo(130);
        } finally {
            if (holder != null) {
                holder.close();
            }
        }
    }

    /** Holds the port, or null when another process on this machine already does. */
    private static ServerSocket hold(int port) {
        try {
            return new ServerSocket(port);
        } catch (IOException busyAlready) {
            return null;
        }
    }
}
