package fr.opaline.app.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The tests that start the practice server pass while another process holds the default ports
 * (worklist 11112, supervision 9470, proxy e-santé 8443, API 8444, HL7 2575), as on a workstation where
 * {@code opaline demo} runs: they bind port 0 and read it back. {@code .ci/run} holds the same
 * ports around the whole suite.
 */
class DefaultPortsTakenTest {

    static final List<Integer> DEFAULT_PORTS = List.of(11112, 9470, 8443, 8444, 2575);

    /** {@code .ci/PortHolder.java}, run as a single source file, found above the module's directory. */
    static Path portHolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path source = dir.resolve(".ci/PortHolder.java");
            if (Files.isRegularFile(source)) {
                return source;
            }
        }
        throw new IllegalStateException(".ci/PortHolder.java not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theServerTestsPassWhileAnotherProcessHoldsTheDefaultPorts() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, portHolder().toString(), "11112", "9470", "8443", "8444", "2575")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line == null || !line.startsWith("HELD"); line = out.readLine()) {
                assertThat(line).as("port holder output").isNotNull();
            }
            for (int port : DEFAULT_PORTS) {
                assertThatThrownBy(() -> {
                    try (ServerSocket probe = new ServerSocket()) {
                        probe.bind(new InetSocketAddress(port));
                    }
                }).as("port %d held by another process", port).isInstanceOf(IOException.class);
            }

            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass("fr.opaline.app.server.HealthEndpointTest"),
                            selectClass("fr.opaline.app.PscAndUsersCommandTest"))
                    .build(), listener);
            TestExecutionSummary summary = listener.getSummary();
            StringBuilder failures = new StringBuilder();
            summary.getFailures().forEach(f -> failures.append(f.getTestIdentifier().getDisplayName()).append(": ")
                    .append(f.getException()).append('\n'));
            assertThat(summary.getTestsFailedCount()).as(failures.toString()).isZero();
            assertThat(summary.getTestsSkippedCount() + summary.getTestsAbortedCount()).isZero();
            assertThat(summary.getTestsSucceededCount()).isGreaterThanOrEqualTo(5);
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
