package fr.opaline.app.bench;

import static fr.opaline.core.persistence.generated.Tables.APPOINTMENT;
import static fr.opaline.core.persistence.generated.Tables.HL7_MESSAGE;
import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.audit.AuditVerification;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Issue 20, "the database survives the process": a process opened like the practice server writes
 * (bookings with their outbox job, inbound HL7 stored and answered, the outbox worker completing
 * jobs) and is killed with SIGKILL at a random moment, again and again. After each kill the
 * database must open, the audit chain must verify, and every write the process had acknowledged
 * must be there (the row counts: each acknowledged booking and HL7 message found, each booking
 * with its outbox job).
 */
public final class KillBench {

    /** One kill: what had been acknowledged, what was missing after it, and the times to reopen and verify. */
    public record Kill(int number, long loadMillis, int acknowledged, int missing, long reopenMillis, long verifyMillis,
                       boolean auditIntact, String auditProblem, long auditEvents, long appointments, long jobs,
                       String failure) {

        public boolean ok() {
            return failure == null && missing == 0 && auditIntact && appointments == jobs;
        }
    }

    private final Path home;
    private final PrintWriter log;
    private final Random random;
    private final Set<String> booked = ConcurrentHashMap.newKeySet();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private String[] fixture;

    /**
     * @param home  a scratch home for the bench ({@code opaline.properties} in it says which database:
     *              the embedded H2 file when it has no {@code db.url})
     */
    public KillBench(Path home, PrintWriter log, long seed) {
        this.home = home;
        this.log = log;
        this.random = new Random(seed);
    }

    /** A scratch home on a new schema of the PostgreSQL database at {@code baseUrl} (credentials in the URL). */
    public static Path postgresHome(Path home, String baseUrl) throws IOException {
        String schema = "kill" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalArgumentException("PostgreSQL injoignable ou schéma impossible à créer (" + e.getMessage() + ")", e);
        }
        Files.createDirectories(home);
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), "db.url=" + baseUrl
                + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema + "\nbackup.enabled=false\n");
        return home;
    }

    /** Drops the schema {@link #postgresHome} created. */
    public static void dropPostgresSchema(Path home, String baseUrl) {
        OpalineConfig config = OpalineConfig.load(home, null);
        String url = config.database().jdbcUrl();
        String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("drop schema " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Kill> run(int kills) throws Exception {
        prepare();
        List<Kill> results = new ArrayList<>();
        for (int k = 1; k <= kills; k++) {
            Kill kill = killOnce(k);
            results.add(kill);
            log.printf("arrêt %2d : tué %4d ms après les premières écritures, %5d écriture(s) confirmée(s), %d manquante(s), réouverture %5d ms,"
                            + " audit %s (%d événements, %d ms), rendez-vous %d / tâches %d%s%n",
                    k, kill.loadMillis(), kill.acknowledged(), kill.missing(), kill.reopenMillis(),
                    kill.auditIntact() ? "intègre" : "ALTÉRÉ (" + kill.auditProblem() + ")", kill.auditEvents(),
                    kill.verifyMillis(), kill.appointments(), kill.jobs(),
                    kill.failure() == null ? "" : " ÉCHEC : " + kill.failure());
            log.flush();
            if (kill.failure() != null && kill.reopenMillis() < 0) {
                break; // the database no longer opens: nothing more to learn
            }
        }
        return results;
    }

    private void prepare() {
        OpalineConfig config = OpalineConfig.load(home, null);
        try (CoreServices core = CoreServices.open(config)) {
            Room room = new Room(core.ids.newId(), "KB", "Salle du banc", Modality.CT, "KB_CT", "KB", true);
            ExamType exam = new ExamType(core.ids.newId(), "KBCT", "Scanner du banc", Modality.CT, "67734004",
                    "segment thoracique du tronc", null, 20, true);
            core.database.inTransactionRun(ctx -> {
                new CatalogueRepository(ctx).insertRoom(room);
                new CatalogueRepository(ctx).insertExamType(exam);
            });
            Patient patient = core.patients.create(NewPatient.of(IdentityTraits.of("BANC", "Arrêt",
                    LocalDate.of(1970, 1, 1), Sex.F, "75056")), Actor.system("kill-bench"));
            fixture = new String[] {room.id().toString(), exam.id().toString(), patient.id().toString(),
                    Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS).toString()};
        }
    }

    private Kill killOnce(int number) throws Exception {
        final int before = booked.size() + received.size();
        String classpath = System.getProperty("opaline.bench.classpath", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+ExitOnOutOfMemoryError", "-Xmx256m", "-Dopaline.systemConfig=", "-cp", classpath,
                WriteLoad.class.getName(), home.toString()));
        command.addAll(List.of(fixture));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        List<String> other = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("B ")) {
                        booked.add(line.substring(2));
                    } else if (line.startsWith("H ")) {
                        received.add(line.substring(2));
                    } else if (line.equals("READY")) {
                        ready.countDown();
                    } else if (other.size() < 60) {
                        other.add(line);
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "kill-bench-reader");
        reader.setDaemon(true);
        reader.start();
        long loadMillis = 100 + random.nextInt(1400);
        try {
            if (!ready.await(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return new Kill(number, 0, 0, 0, -1, -1, false, null, 0, 0, 0,
                        "le processus de charge n'a pas démarré : " + other);
            }
            // The load is under way (a few writes acknowledged, the JIT warm), then the kill comes at a random moment.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int bookedBefore = booked.size();
            while ((booked.size() + received.size() - before < 5 || booked.size() == bookedBefore)
                    && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(20);
            }
            Thread.sleep(loadMillis);
        } finally {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(5_000);
        }
        int acknowledged = booked.size() + received.size() - before;
        if (acknowledged == 0) {
            other.forEach(line -> log.println("  [charge] " + line));
        } else {
            other.stream().filter(line -> line.startsWith("E ")).forEach(line -> log.println("  [charge] " + line));
        }

        long t0 = System.nanoTime();
        CoreServices core;
        try {
            core = CoreServices.open(OpalineConfig.load(home, null));
        } catch (RuntimeException e) {
            return new Kill(number, loadMillis, acknowledged, 0, -1, -1, false, null, 0, 0, 0,
                    "la base ne s'ouvre plus : " + e.getMessage());
        }
        try (core) {
            long reopen = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            AuditVerification audit = core.audit.verify();
            long verify = (System.nanoTime() - t1) / 1_000_000;
            Set<String> bookedFound = ConcurrentHashMap.newKeySet();
            core.database.dsl().select(APPOINTMENT.ID).from(APPOINTMENT).fetch(APPOINTMENT.ID)
                    .forEach(id -> bookedFound.add(id.toString()));
            Set<String> receivedFound = ConcurrentHashMap.newKeySet();
            core.database.dsl().select(HL7_MESSAGE.ID).from(HL7_MESSAGE)
                    .where(HL7_MESSAGE.STATE.eq(fr.opaline.hl7.inbound.StoredMessage.PROCESSED))
                    .fetch(HL7_MESSAGE.ID).forEach(id -> receivedFound.add(id.toString()));
            int missing = 0;
            for (String id : booked) {
                missing += bookedFound.contains(id) ? 0 : 1;
            }
            for (String id : received) {
                missing += receivedFound.contains(id) ? 0 : 1;
            }
            long appointments = bookedFound.size();
            long jobs = core.database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(WriteLoad.JOB_TYPE));
            return new Kill(number, loadMillis, acknowledged, missing, reopen, verify, audit.intact(),
                    audit.problem() == null ? null : "n° " + audit.firstBrokenSeq() + " : " + audit.problem(),
                    audit.eventsChecked(), appointments, jobs, null);
        }
    }

    /** Median of the reopening times of the kills that reopened. */
    public static long medianReopen(List<Kill> kills) {
        long[] times = kills.stream().mapToLong(Kill::reopenMillis).filter(t -> t >= 0).sorted().toArray();
        return times.length == 0 ? -1 : times[times.length / 2];
    }
}
