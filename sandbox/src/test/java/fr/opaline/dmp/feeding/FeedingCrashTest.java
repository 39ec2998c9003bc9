package fr.opaline.dmp.feeding;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;
import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.outbox.JobState;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.dmp.DmpTestKit;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.dmp.SandboxTransactions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing sent twice (SC.DMP/ALI/PROG.05): 200 validated CRs queued, a separate
 * worker process feeding them while the sandbox DMP flaps (up, HTTP 503, connection refused,
 * slow), killed (SIGKILL, not a graceful stop) in the middle of the batch, then restarted:
 * every report ends in the DMP exactly once.
 */
class FeedingCrashTest {

    static final int REPORTS = 200;

    @TempDir
    Path dir;

    @Test
    void killedInTheMiddleOfABatchWithAFlappingDmpEveryReportEndsInTheDmpExactlyOnce() throws Exception {
        // Two processes on one H2 file: the test's own AUTO_SERVER (the product opens H2 in one process only).
        DatabaseSettings embedded = DatabaseSettings.embeddedH2(dir.resolve("db"));
        DatabaseSettings settings = new DatabaseSettings(embedded.jdbcUrl() + ";AUTO_SERVER=TRUE", embedded.user(),
                embedded.password(), embedded.maxPoolSize());
        Database database = Database.openAndMigrate(settings);
        DmpTestKit kit = new DmpTestKit(new TestDatabases.TestDatabase(TestDatabases.Kind.H2, database,
                database::close), Clock.systemUTC());
        AtomicBoolean flapping = new AtomicBoolean(true);
        Thread flapper = null;
        Process first = null;
        Process second = null;
        try (FeedingKit f = new FeedingKit(kit, 100_000)) {
            List<String> uids = new ArrayList<>();
            List<Patient> patients = new ArrayList<>();
            for (int p = 0; p < 20; p++) {
                patients.add(kit.qualifiedPatient("PATIENT" + p));
            }
            for (int i = 0; i < REPORTS; i++) {
                ReportVersion v = f.validated(patients.get(i % patients.size()));
                uids.add(v.documentUid());
            }
            DmpTestKit.pki().writeClientFiles(dir.resolve("keys"), "practice.p12", "trust.p12");
            DmpTestKit.pki().writeSignatureFile(dir.resolve("keys"), "practice-signature.p12");
            DmpSandbox sandbox = kit.dmp.sandbox;
            SandboxTransactions dmp = sandbox.transactions();
            sandbox.setSlowDelay(Duration.ofMillis(300));
            flapper = new Thread(() -> flap(sandbox, flapping), "flapper");
            flapper.setDaemon(true);
            flapper.start();

            first = worker(settings, sandbox, "first");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (accepted(dmp, uids) < REPORTS / 3 && System.nanoTime() < deadline && first.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(first.isAlive()).as("worker still feeding when killed").isTrue();
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int atKill = accepted(dmp, uids);
            assertThat(atKill).isBetween(1, REPORTS - 1);

            second = worker(settings, sandbox, "second");
            Thread.sleep(3_000);
            flapping.set(false);
            flapper.join();
            sandbox.setAvailability(DmpSandbox.Availability.UP);
            assertThat(second.waitFor(5, TimeUnit.MINUTES)).as("second worker drained the queue").isTrue();
            assertThat(second.exitValue()).isZero();

            for (String uid : uids) {
                assertThat(dmp.acceptedSubmissions(uid)).as("accepted submissions of " + uid).isEqualTo(1);
                // every submission counted, refused duplicates included: sent exactly once
                assertThat(dmp.submissionAttempts(uid)).as("submissions of " + uid).isEqualTo(1);
            }
            assertThat(dmp.duplicatesRefused()).as("duplicates refused by the DMP").isZero();
            assertThat(database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                    .and(OUTBOX_JOB.STATE.eq(JobState.DONE.name())))).isEqualTo(REPORTS);
            int inDmp = 0;
            for (Patient p : patients) {
                inDmp += dmp.documents(p.ins().matricule()).size();
            }
            assertThat(inDmp).isEqualTo(REPORTS);
        } finally {
            flapping.set(false);
            if (first != null) {
                first.destroyForcibly();
            }
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    private static int accepted(SandboxTransactions dmp, List<String> uids) {
        int n = 0;
        for (String uid : uids) {
            n += Math.min(1, dmp.acceptedSubmissions(uid));
        }
        return n;
    }

    private static void flap(DmpSandbox sandbox, AtomicBoolean flapping) {
        DmpSandbox.Availability[] cycle = {DmpSandbox.Availability.UP, DmpSandbox.Availability.HTTP_503,
                DmpSandbox.Availability.UP, DmpSandbox.Availability.REFUSED, DmpSandbox.Availability.UP,
                DmpSandbox.Availability.SLOW};
        int i = 0;
        while (flapping.get()) {
            sandbox.setAvailability(cycle[i++ % cycle.length]);
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Process worker(DatabaseSettings settings, DmpSandbox sandbox, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve(name + ".log").toFile();
        Files.deleteIfExists(log.toPath());
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FeedingWorkerMain.class.getName(), settings.jdbcUrl(), sandbox.endpoint().toString(),
                dir.resolve("keys").toString())
                .redirectErrorStream(true).redirectOutput(log).start();
    }
}
