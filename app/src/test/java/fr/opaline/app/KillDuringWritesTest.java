package fr.opaline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.app.bench.KillBench;
import fr.opaline.core.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20: a process writing like the practice server (bookings with their outbox job, inbound
 * HL7 stored and answered, outbox worker) is killed with SIGKILL three times; after each kill the
 * database opens, {@code opaline audit verify} answers "intègre", and every acknowledged write is
 * there, each booking with its job. On H2, and on PostgreSQL when OPALINE_TEST_PG_URL is set.
 */
class KillDuringWritesTest {

    static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void onTheEmbeddedH2File() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("opaline.properties"), "backup.enabled=false\n");
        check(home);
    }

    @Test
    void onPostgresql() throws Exception {
        String url = TestDatabases.postgresUrl();
        assumeTrue(url != null, "OPALINE_TEST_PG_URL not set");
        Path home = KillBench.postgresHome(dir.resolve("home"), url);
        try {
            check(home);
        } finally {
            KillBench.dropPostgresSchema(home, url);
        }
    }

    private static void check(Path home) throws Exception {
        System.setProperty("opaline.bench.classpath",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        StringWriter log = new StringWriter();
        List<KillBench.Kill> kills = new KillBench(home, new PrintWriter(log), 3).run(KILLS);
        System.out.println(log);
        assertThat(kills).as(log.toString()).hasSize(KILLS);
        assertThat(kills.get(KILLS - 1).appointments()).as("bookings were part of the load").isGreaterThanOrEqualTo(KILLS);
        assertThat(kills).as(log.toString()).allSatisfy(kill -> {
            assertThat(kill.failure()).isNull();
            assertThat(kill.acknowledged()).as("writes acknowledged before the kill").isPositive();
            assertThat(kill.missing()).as("acknowledged writes lost").isZero();
            assertThat(kill.auditIntact()).isTrue();
            assertThat(kill.appointments()).as("each booking with its outbox job").isEqualTo(kill.jobs());
        });
        // And the operator's own check, through the command line.
        SeedBackupRestoreTest.Run verify = SeedBackupRestoreTest.opaline(home, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("intègre");
    }
}
