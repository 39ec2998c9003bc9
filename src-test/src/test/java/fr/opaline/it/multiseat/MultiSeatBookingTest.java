package fr.opaline.it.multiseat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Json;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Appointment;
import fr.opaline.core.scheduling.AppointmentRepository;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-seat on PostgreSQL, across processes, through the API: one practice server JVM (as
 * {@code opaline server} assembles it, the only one holding a database account) and two
 * workstation JVMs that hold no database URL, each with its own workstation key and front-desk
 * session, each booking every slot of the same room's agenda through {@code AgendaApi.book} from
 * several threads at once. The agenda ends up without any overlap, every booking reported is in the
 * database and no other, accession numbers are unique; and every booking made at one seat reaches
 * the other through the server's event stream within 2 s. Skipped without OPALINE_TEST_PG_URL (CI
 * sets it).
 */
class MultiSeatBookingTest {

    private static final int SLOTS = 60;
    private static final int EXAM_MINUTES = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    private static final long EVENT_WITHIN_MILLIS = 2000;
    private static final String PASSWORD = "Accueil-Plusieurs-Postes-2026!";

    @TempDir
    Path dir;
    private final List<Process> processes = new ArrayList<>();

    /** A child JVM and the lines it prints. */
    record Child(Process process, Thread reader, BlockingQueue<String> lines, List<String> all) {
        String await(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && !reader.isAlive() && lines.isEmpty()) {
                    throw new AssertionError("process ended (" + process.exitValue() + ") before " + prefix + ":\n"
                            + String.join("\n", all));
                }
            }
            throw new AssertionError("no " + prefix + " within " + TIMEOUT + ":\n" + String.join("\n", all));
        }

        void send(String line) throws IOException {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write(line + "\n");
            in.flush();
        }

        /** appointment id → when this seat heard of it. */
        Map<String, Long> events() {
            Map<String, Long> out = new HashMap<>();
            all.stream().filter(l -> l.startsWith("EVENT ")).map(l -> l.split(" "))
                    .forEach(f -> out.putIfAbsent(f[1], Long.parseLong(f[2])));
            return out;
        }
    }

    @Test
    void twoWorkstationsAndOneServerBookTheSameAgendaWithoutDoubleBooking() throws Exception {
        assumeTrue(TestDatabases.postgresUrl() != null, "PostgreSQL not configured (OPALINE_TEST_PG_URL)");
        try (var db = TestDatabases.postgres()) {
            CoreFixture fixture = new CoreFixture(db.database());
            Room room = fixture.room("IRM1", Modality.MR);
            ExamType exam = fixture.exam("IRM-GEN", Modality.MR, EXAM_MINUTES);
            List<UUID> patients = IntStream.range(0, 8).mapToObj(i -> fixture.patient("PATIENT" + (char) ('A' + i),
                    "TEST", LocalDate.of(1960 + i, 1 + i, 10), i % 2 == 0 ? Sex.F : Sex.M).id()).toList();
            Instant first = Instant.parse("2026-03-02T07:00:00Z"); // 8:00 in Paris
            List<Instant> slots = IntStream.range(0, SLOTS).mapToObj(i -> first.plus(Duration.ofMinutes(10L * i))).toList();

            // The server's configuration only: the workstations have none but the server's address and fingerprint.
            Path config = Files.writeString(dir.resolve("opaline.properties"), String.join("\n",
                    "db.url=" + db.database().settings().jdbcUrl(),
                    "db.poolSize=8", "health.port=0", "psc.proxy.port=0", "psc.proxy.bind=127.0.0.1", "backup.enabled=false",
                    "outbox.poll=PT0.2S", "outbox.threads=2", "server.name=multiseat-server", "worklist.port=0",
                    "worklist.bindAddress=127.0.0.1", "accounts.argon2.memoryKiB=1024", "accounts.argon2.iterations=1", ""));
            try {
                Child server = start(ServerProcess.class, config.toString(), dir.resolve("server").toString(), PASSWORD,
                        "accueil.1", "accueil.2");
                URI health = URI.create(server.await("HEALTH ").substring("HEALTH ".length()));
                String[] api = server.await("API ").split(" ");
                String serverUri = "https://127.0.0.1:" + api[1] + "/";

                String slotList = slots.stream().map(Instant::toString).collect(Collectors.joining(","));
                String patientList = patients.stream().map(UUID::toString).collect(Collectors.joining(","));
                List<Child> desks = new ArrayList<>();
                for (int w = 1; w <= 2; w++) {
                    desks.add(start(WorkstationProcess.class, dir.resolve("desk" + w).toString(), serverUri, api[2],
                            "accueil." + w, PASSWORD, Integer.toString(41 * w), "3", room.id().toString(),
                            exam.id().toString(), patientList, slotList));
                }
                for (Child desk : desks) {
                    desk.await("READY");
                }
                for (Child desk : desks) {
                    desk.send("GO"); // both start booking at the same moment
                }
                List<String> results = new ArrayList<>();
                List<List<String[]>> bookedPerDesk = new ArrayList<>();
                for (Child desk : desks) {
                    desk.await("DONE");
                    List<String> own = desk.all().stream().filter(l -> l.startsWith("RESULT ")).map(l -> l.substring(7)).toList();
                    assertThat(own).as("one result per slot").hasSize(SLOTS);
                    results.addAll(own);
                    bookedPerDesk.add(own.stream().filter(r -> r.startsWith("BOOKED")).map(r -> r.split(" ")).toList());
                }
                assertThat(results).as(String.join("\n", results)).noneMatch(r -> r.startsWith("ERROR"));
                System.out.printf("Multi-seat through the API: %d attempts, bookings by workstation %s, %d refused as conflicts%n",
                        results.size(), bookedPerDesk.stream().map(List::size).toList(),
                        results.stream().filter(r -> r.startsWith("CONFLICT")).count());
                List<String[]> booked = bookedPerDesk.stream().flatMap(List::stream).toList();
                assertThat(bookedPerDesk).as("both seats booked").allSatisfy(b -> assertThat(b).isNotEmpty());

                // Each seat heard of every booking of the other within 2 s of the booking's answer.
                List<Long> delays = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    Child other = desks.get(1 - w);
                    for (String[] b : bookedPerDesk.get(w)) {
                        long answeredAt = Long.parseLong(b[4]);
                        long deadline = System.currentTimeMillis() + 10_000;
                        while (!other.events().containsKey(b[1]) && System.currentTimeMillis() < deadline) {
                            Thread.sleep(50);
                        }
                        Long heardAt = other.events().get(b[1]);
                        assertThat(heardAt).as("seat %d heard of booking %s", 2 - w, b[1]).isNotNull();
                        delays.add(Math.max(0, heardAt - answeredAt));
                    }
                }
                delays.sort(Comparator.naturalOrder());
                System.out.printf("Booking seen at the other seat: median %d ms, max %d ms after the booking's answer%n",
                        delays.get(delays.size() / 2), delays.get(delays.size() - 1));
                assertThat(delays).allMatch(d -> d <= EVENT_WITHIN_MILLIS);
                for (Child desk : desks) {
                    desk.send("STOP");
                    desk.await("STOPPED");
                    assertThat(desk.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(desk.process().exitValue()).as(String.join("\n", desk.all())).isZero();
                }

                // The agenda: no two appointments overlap; exactly the reported ones are there.
                List<Appointment> agenda = new AppointmentRepository(db.database().dsl())
                        .inRange(List.of(room.id()), first.minus(Duration.ofHours(1)), first.plus(Duration.ofDays(1)))
                        .stream().sorted(Comparator.comparing(Appointment::startsAt)).toList();
                for (int i = 1; i < agenda.size(); i++) {
                    assertThat(agenda.get(i).startsAt()).as("no overlap").isAfterOrEqualTo(agenda.get(i - 1).endsAt());
                }
                assertThat(agenda.stream().map(a -> a.id().toString()).collect(Collectors.toSet()))
                        .isEqualTo(booked.stream().map(b -> b[1]).collect(Collectors.toSet()));
                assertThat(agenda).hasSize(booked.size());
                // 20-minute exams on a 10-minute grid: between a third and a half of the 60 starts.
                assertThat(booked.size()).isBetween(SLOTS / 3, SLOTS / 2);
                Set<String> accessions = new HashSet<>(booked.stream().map(b -> b[3]).toList());
                assertThat(accessions).hasSize(booked.size());
                assertThat(booked.stream().map(b -> b[2]).distinct().count()).isEqualTo(booked.size());

                // The server runs what the bookings queued, and is healthy.
                awaitOutboxDrained(health);

                // SIGTERM, as systemctl stop (Process.destroy() would also close our end of its output)
                Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(server.process().pid())).start();
                assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
                server.await("STOPPED");
                assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(server.process().exitValue()).isZero();
            } finally {
                processes.forEach(Process::destroyForcibly);
            }
        }
    }

    private void awaitOutboxDrained(URI health) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode body = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            body = Json.mapper().readTree(response.body());
            JsonNode outbox = body.path("outbox");
            if (response.statusCode() == 200 && outbox.path("due").asLong(-1) == 0 && outbox.path("inProgress").asLong(-1) == 0) {
                assertThat(body.path("status").asText()).isEqualTo("UP");
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("outbox not drained: " + body);
    }

    private Child start(Class<?> main, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dopaline.systemConfig=", "-cp", classpath, main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> all = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "output-" + main.getSimpleName());
        reader.setDaemon(true);
        reader.start();
        return new Child(process, reader, lines, all);
    }
}
