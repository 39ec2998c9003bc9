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
import fr.opaline.dmp.sandbox.SandboxTransactions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker process is killed (SIGKILL) at a chosen point of a send, then a new worker finishes
 * the queue. The sandbox DMP counts every submission of a uniqueId, refused duplicates included:
 * no uniqueId may be submitted twice, and none may be lost. The last test removes the "already in
 * the DMP?" question of {@link DmpFeedHandler} and proves that the same check then fails — the
 * check can see a double send.
 */
class FeedingKillPointTest {

    static final int REPORTS = 9;
    /** The submission at which the first worker stops (the ones before it go through). */
    static final int KILL_AT = 4;

    @TempDir
    Path dir;

    @Test
    void killedJustBeforeASendNothingIsSentTwiceAndNothingIsLost() throws Exception {
        Outcome outcome = run("before-send", true);
        assertThat(outcome.leasedAtKill).as("a job was being sent when the worker was killed").isPositive();
        assertThat(outcome.acceptedAtKill).as("the submissions stopped at the kill point had not left")
                .isLessThan(KILL_AT);
        assertThat(outcome.submittedTwice()).as("uniqueIds submitted more than once").isEmpty();
        assertThat(outcome.lost()).as("uniqueIds never delivered").isEmpty();
        assertThat(outcome.duplicatesRefused).isZero();
    }

    @Test
    void killedAfterTheDmpAcknowledgedAndBeforeTheJobIsRecordedDoneNothingIsSentTwice() throws Exception {
        Outcome outcome = run("after-ack", true);
        assertThat(outcome.ackedNotDoneAtKill).as("acknowledged by the DMP, not recorded done, at the kill")
                .isNotEmpty();
        assertThat(outcome.submittedTwice()).as("uniqueIds submitted more than once").isEmpty();
        assertThat(outcome.lost()).as("uniqueIds never delivered").isEmpty();
        assertThat(outcome.duplicatesRefused).isZero();
    }

    @Test
    void withoutTheAlreadyInTheDmpQuestionTheCheckSeesTheDoubleSend() throws Exception {
        Outcome outcome = run("after-ack", false);
        assertThat(outcome.ackedNotDoneAtKill).isNotEmpty();
        // The very check the two tests above make must fail: each job killed after the
        // acknowledgement is submitted again (and refused by the DMP as a duplicate).
        assertThat(outcome.submittedTwice()).as("the double sends the check must see")
                .containsOnlyKeys(outcome.ackedNotDoneAtKill);
        assertThat(outcome.duplicatesRefused).isEqualTo(outcome.ackedNotDoneAtKill.size());
    }

    /** What the sandbox DMP and the database say after a kill and a restart. */
    record Outcome(List<String> uids, Map<String, Integer> attempts, Map<String, Integer> accepted,
                   Set<String> ackedNotDoneAtKill, int acceptedAtKill, int leasedAtKill, int duplicatesRefused,
                   int jobsDone) {

        /** uniqueId → submissions, for those submitted more than once (refused duplicates included). */
        Map<String, Integer> submittedTwice() {
            return attempts.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        }

        /** uniqueIds not accepted by the DMP, or whose feeding job is not done. */
        List<String> lost() {
            List<String> lost = new ArrayList<>(uids.stream().filter(u -> accepted.getOrDefault(u, 0) == 0).toList());
            if (jobsDone != uids.size()) {
                lost.add("jobs done: " + jobsDone + " / " + uids.size());
            }
            return lost;
        }
    }

    private Outcome run(String killPoint, boolean askBeforeResending) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(dir.resolve("db"));
        Database database = Database.openAndMigrate(settings);
        DmpTestKit kit = new DmpTestKit(new TestDatabases.TestDatabase(TestDatabases.Kind.H2, database,
                database::close), Clock.systemUTC());
        String check = askBeforeResending ? "checked" : "unchecked";
        Process first = null;
        Process second = null;
        try (FeedingKit f = new FeedingKit(kit, 100)) {
            List<String> uids = new ArrayList<>();
            for (int i = 0; i < REPORTS; i++) {
                Patient p = kit.qualifiedPatient("TUE" + (i % 3));
                ReportVersion v = f.validated(p);
                uids.add(v.documentUid());
            }
            DmpTestKit.pki().writeClientFiles(dir.resolve("keys"), "practice.p12", "trust.p12");
            SandboxTransactions dmp = kit.dmp.sandbox.transactions();

            first = worker(settings, kit, "first", killPoint, check);
            Path firstLog = dir.resolve("first.log");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (!Files.readString(firstLog).contains("KILL POINT " + killPoint)) {
                assertThat(first.isAlive()).as("first worker alive (log: %s)", Files.readString(firstLog)).isTrue();
                assertThat(System.nanoTime()).as("kill point reached in time").isLessThan(deadline);
                Thread.sleep(20);
            }
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no release

            Set<String> done = Set.copyOf(database.dsl().select(OUTBOX_JOB.IDEMPOTENCY_KEY).from(OUTBOX_JOB)
                    .where(OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)).and(OUTBOX_JOB.STATE.eq(JobState.DONE.name()))
                    .fetch(OUTBOX_JOB.IDEMPOTENCY_KEY));
            Set<String> ackedNotDone = uids.stream()
                    .filter(u -> dmp.acceptedSubmissions(u) > 0 && !done.contains(DmpFeedPayload.submissionKey(u)))
                    .collect(Collectors.toSet());
            int acceptedAtKill = (int) uids.stream().filter(u -> dmp.acceptedSubmissions(u) > 0).count();
            int leased = database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                    .and(OUTBOX_JOB.STATE.eq(JobState.LEASED.name())));

            second = worker(settings, kit, "second", "none", check);
            assertThat(second.waitFor(3, TimeUnit.MINUTES)).as("second worker drained the queue").isTrue();
            assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

            int jobsDone = database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                    .and(OUTBOX_JOB.STATE.eq(JobState.DONE.name())));
            return new Outcome(uids, dmp.submissionAttempts(), dmp.acceptedSubmissions(), ackedNotDone, acceptedAtKill,
                    leased,
                    dmp.duplicatesRefused(), jobsDone);
        } finally {
            if (first != null) {
                first.destroyForcibly();
            }
            if (second != null) {
                second.destroyForcibly();
            }
        }
    }

    private Process worker(DatabaseSettings settings, DmpTestKit kit, String name, String killPoint, String check)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve(name + ".log").toFile();
        Files.deleteIfExists(log.toPath());
        Files.createFile(log.toPath());
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FeedingWorkerMain.class.getName(), settings.jdbcUrl(), kit.dmp.sandbox.endpoint().toString(),
                dir.resolve("keys").toString(), killPoint, String.valueOf(KILL_AT), check)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }
}
