package fr.opaline.it.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/run} and {@code .ci/check-no-skipped} as they are in the repository, run on a copy
 * where {@code .ci/start-postgres}, {@code mvn} and {@code apt-get} are replaced: CI fails loudly,
 * saying why, instead of carrying on with fewer tests.
 */
class CiRunFailsLoudlyTest {

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    @Test
    void aPostgresqlThatDoesNotStartFailsTheRunInCiBeforeAnyTest() throws Exception {
        Path repo = copyOfCi("#!/usr/bin/env bash\necho 'pg_ctlcluster: cluster not started' >&2\nexit 1\n");
        Run run = run(repo, List.of(".ci/run"), Map.of("CI", "true"));
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("PostgreSQL n'a pas démarré").contains("PostgreSQL did not start");
        assertThat(repo.resolve("mvn-ran")).as("the tests are not run on H2 only").doesNotExist();
    }

    @Test
    void withPostgresqlTheRunGoesOnWithTheKeycloakJdkAndTheDefaultPortsHeld() throws Exception {
        Path repo = copyOfCi("#!/usr/bin/env bash\necho 'jdbc:postgresql://127.0.0.1:5432/opaline_test?user=t'\n");
        Files.createDirectories(repo.resolve("core/target/surefire-reports"));
        Files.writeString(repo.resolve("core/target/surefire-reports/TEST-fr.opaline.core.ATest.xml"),
                "<testsuite name=\"fr.opaline.core.ATest\" tests=\"1\" skipped=\"0\">\n"
                        + "  <testcase name=\"works\" classname=\"fr.opaline.core.ATest\" time=\"0.1\"/>\n</testsuite>\n");
        Run run = run(repo, List.of(".ci/run"), Map.of("CI", "true"));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(Files.readString(repo.resolve("mvn-ran"))).contains("verify")
                .contains("OPALINE_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/opaline_test")
                .containsPattern("OPALINE_KEYCLOAK_JAVA=/\\S+")
                .contains("port 11112 held");
        assertThat(run.output()).contains("Keycloak JDK:").contains("no skipped test");
    }

    @Test
    void aSkippedTestFailsTheCheckAndIsNamed() throws Exception {
        Path repo = copyOfCi("#!/usr/bin/env bash\nexit 1\n");
        Path reports = Files.createDirectories(repo.resolve("dmp/target/failsafe-reports"));
        Files.writeString(reports.resolve("TEST-fr.opaline.dmp.SomeIT.xml"),
                "<testsuite name=\"fr.opaline.dmp.SomeIT\" tests=\"2\" skipped=\"1\">\n"
                        + "  <testcase name=\"runs\" classname=\"fr.opaline.dmp.SomeIT\" time=\"0.1\"/>\n"
                        + "  <testcase name=\"needsPostgresql\" classname=\"fr.opaline.dmp.SomeIT\" time=\"0\">\n"
                        + "    <skipped message=\"Assumption failed: no PostgreSQL\"/>\n  </testcase>\n</testsuite>\n");
        Run run = run(repo, List.of(".ci/check-no-skipped"), Map.of());
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("fr.opaline.dmp.SomeIT.needsPostgresql").contains("1 skipped test")
                .doesNotContain("SomeIT.runs");
    }

    /** A repository with the real .ci scripts, the given start-postgres, and stub mvn and apt-get. */
    private Path copyOfCi(String startPostgres) throws IOException {
        Path source = ciDirectory();
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path ci = Files.createDirectories(repo.resolve(".ci"));
        for (String name : List.of("run", "check-no-skipped", "PortHolder.java")) {
            Files.copy(source.resolve(name), ci.resolve(name));
        }
        executable(ci.resolve("start-postgres"), startPostgres);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // the stub mvn notes what the tests would have received, and whether 11112 was held meanwhile
        executable(bin.resolve("mvn"), "#!/usr/bin/env bash\n{ echo \"mvn $*\"; env | grep '^OPALINE_'; "
                + "if (exec 3<>/dev/tcp/127.0.0.1/11112) 2>/dev/null; then echo 'port 11112 held'; fi; } > mvn-ran\n");
        executable(bin.resolve("apt-get"), "#!/usr/bin/env bash\nexit 0\n");
        return repo;
    }

    private Run run(Path repo, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("OPALINE_") || k.equals("CI"));
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path ciDirectory() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(".ci/run"))) {
                return d.resolve(".ci");
            }
        }
        throw new IllegalStateException(".ci/run not found above " + Path.of("").toAbsolutePath());
    }
}
