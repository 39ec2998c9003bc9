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
import fr.opaline.sandbox.dmp.SandboxTransactions;
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
 * The worker process is killed (SIGKILL) at chosen points of a send — just before a submission
 * leaves, then (a second worker) once the DMP has acknowledged it and before the job is recorded
 * done — and a last worker finishes the queue. The sandbox DMP counts every submission of a
 * uniqueId, refused duplicates included: no uniqueId may be submitted twice, and none may be lost.
 * The last test removes the "already in the DMP?" question of {@link DmpFeedHandler} and proves
 * that the same check then fails — the check can see a double send.
 */
class FeedingKillPointTest {

    static final int REPORTS = 10;
    /** The submission (counted by each worker) at which it stops; the ones before it go through. */
    static final int KILL_AT = 4;

    @TempDir
    Path dir;

    @Test
    void killedJustBeforeASendThenAfterTheDmpAcknowledgedNothingIsSentTwiceAndNothingIsLost() throws Exception {
        Outcome outcome = run(List.of("before-send", "after-ack"), true);
        Kill beforeSend = outcome.kills().get(0);
        assertThat(beforeSend.leased()).as("a job was being sent when the first worker was killed").isPositive();
        assertThat(beforeSend.accepted()).as("the submissions stopped at the kill point had not left")
                .isLessThan(KILL_AT);
        Kill afterAck = outcome.kills().get(1);
        assertThat(afterAck.ackedNotDone()).as("acknowledged by the DMP, not recorded done, at the second kill")
                .isNotEmpty();
        assertThat(outcome.submittedTwice()).as("uniqueIds submitted more than once").isEmpty();
        assertThat(outcome.lost()).as("uniqueIds never delivered").isEmpty();
        assertThat(outcome.duplicatesRefused()).isZero();
    }

    @Test
    void withoutTheAlreadyInTheDmpQuestionTheCheckSeesTheDoubleSend() throws Exception {
        Outcome outcome = run(List.of("after-ack"), false);
        Set<String> ackedNotDone = outcome.kills().get(0).ackedNotDone();
        assertThat(ackedNotDone).isNotEmpty();
        // The very check the test above makes must fail: each job killed after the
        // acknowledgement is submitted again (and refused by the DMP as a duplicate).
        assertThat(outcome.submittedTwice()).as("the double sends the check must see").containsOnlyKeys(ackedNotDone);
        assertThat(outcome.duplicatesRefused()).isEqualTo(ackedNotDone.size());
    }

    /** What was true when a worker was killed at its kill point. */
    record Kill(Set<String> ackedNotDone, int accepted, int leased) {
    }

    /** What the sandbox DMP and the database say after the kills and a last worker that drains the queue. */
    record Outcome(List<String> uids, Map<String, Integer> attempts, Map<String, Integer> accepted, List<Kill> kills,
                   int duplicatesRefused, int jobsDone) {

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

    /** One worker per kill point, each killed there (SIGKILL), then a last one that drains the queue. */
    private Outcome run(List<String> killPoints, boolean askBeforeResending) throws Exception {
        // Two processes on one H2 file: the test's own AUTO_SERVER (the product opens H2 in one process only).
        DatabaseSettings embedded = DatabaseSettings.embeddedH2(dir.resolve("db"));
        DatabaseSettings settings = new DatabaseSettings(embedded.jdbcUrl() + ";AUTO_SERVER=TRUE", embedded.user(),
                embedded.password(), embedded.maxPoolSize());
        Database database = Database.openAndMigrate(settings);
        DmpTestKit kit = new DmpTestKit(new TestDatabases.TestDatabase(TestDatabases.Kind.H2, database,
                database::close), Clock.systemUTC());
        String check = askBeforeResending ? "checked" : "unchecked";
        List<Process> workers = new ArrayList<>();
        try (FeedingKit f = new FeedingKit(kit, 100)) {
            List<String> uids = new ArrayList<>();
            for (int i = 0; i < REPORTS; i++) {
                Patient p = kit.qualifiedPatient("TUE" + (i % 3));
                ReportVersion v = f.validated(p);
                uids.add(v.documentUid());
            }
            DmpTestKit.pki().writeClientFiles(dir.resolve("keys"), "practice.p12", "trust.p12");
            DmpTestKit.pki().writeSignatureFile(dir.resolve("keys"), "practice-signature.p12");
            SandboxTransactions dmp = kit.dmp.sandbox.transactions();

            List<Kill> kills = new ArrayList<>();
            for (String killPoint : killPoints) {
                String name = "killed-" + kills.size();
                Process worker = worker(settings, kit, name, killPoint, check);
                workers.add(worker);
                Path log = dir.resolve(name + ".log");
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (!Files.readString(log).contains("KILL POINT " + killPoint)) {
                    assertThat(worker.isAlive()).as("worker alive (log: %s)", Files.readString(log)).isTrue();
                    assertThat(System.nanoTime()).as("kill point reached in time").isLessThan(deadline);
                    Thread.sleep(20);
                }
                worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no release

                Set<String> done = Set.copyOf(database.dsl().select(OUTBOX_JOB.IDEMPOTENCY_KEY).from(OUTBOX_JOB)
                        .where(OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)).and(OUTBOX_JOB.STATE.eq(JobState.DONE.name()))
                        .fetch(OUTBOX_JOB.IDEMPOTENCY_KEY));
                Set<String> ackedNotDone = uids.stream()
                        .filter(u -> dmp.acceptedSubmissions(u) > 0 && !done.contains(DmpFeedPayload.submissionKey(u)))
                        .collect(Collectors.toSet());
                int accepted = (int) uids.stream().filter(u -> dmp.acceptedSubmissions(u) > 0).count();
                int leased = database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                        .and(OUTBOX_JOB.STATE.eq(JobState.LEASED.name())));
                kills.add(new Kill(ackedNotDone, accepted, leased));
            }

            Process last = worker(settings, kit, "last", "none", check);
            workers.add(last);
            assertThat(last.waitFor(3, TimeUnit.MINUTES)).as("last worker drained the queue").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("last.log"))).isZero();

            int jobsDone = database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                    .and(OUTBOX_JOB.STATE.eq(JobState.DONE.name())));
            return new Outcome(uids, dmp.submissionAttempts(), dmp.acceptedSubmissions(), kills, dmp.duplicatesRefused(),
                    jobsDone);
        } finally {
            workers.forEach(Process::destroyForcibly);
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
