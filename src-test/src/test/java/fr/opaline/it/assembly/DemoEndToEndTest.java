package fr.opaline.it.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.api.AgendaApi;
import fr.opaline.api.CatalogueView;
import fr.opaline.api.PatientApi;
import fr.opaline.api.IdentityApi;
import fr.opaline.api.ReportApi;
import fr.opaline.api.ReportFile;
import fr.opaline.api.StatisticsApi;
import fr.opaline.api.WorklistApi;
import fr.opaline.api.identity.IdentityCheck;
import fr.opaline.api.identity.InsiAnswer;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.app.Main;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.ApiWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Json;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.statistics.DocumentType;
import fr.opaline.core.statistics.Indicator;
import fr.opaline.core.statistics.UsageReport;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as it is assembled, end to end (issue 18): {@code opaline demo --headless} in its own
 * JVM (every sandbox started and configured by the demo itself, every listening port chosen free),
 * and a workstation in this JVM that holds no database access, only the server's URL and
 * fingerprint. Everything goes through the API: sign-in with fictitious accounts, a new patient, an
 * exam booked, the arrival; the INS retrieved from the sandbox INSi by the server, the identity
 * checked on an ID card (qualifiée), the exam performed, the CR written and validated, amended,
 * retracted. Then the server's outbox worker, not the test, delivers the CR: it must arrive in the
 * sandbox DMP after the deferral, then (once the DMP acknowledged it) in the sandbox DRIMbox source
 * (SC.DMP/ALI/PROG.02, SC.DB/RIS.12), and in the patient's MSSanté mailbox, read over the sandboxes'
 * inspection endpoint; its amendment and its retraction follow to the DMP and the DRIMbox; every
 * send is made exactly once as the sandboxes count them (refused duplicates and repeats included),
 * and the usage statistics the server computes count the two DMP feeds. (This replaces the
 * hand-wired {@code DmpThenDrimboxEndToEndTest}.)
 */
class DemoEndToEndTest {

    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(90);
    /** The ANS's test patient known to the sandbox INSi (sandbox-identities.json). */
    private static final IdentityTraits PAT_TROIS = IdentityTraits.of("PAT-TROIS", "DOMINIQUE MARIE-LOUISE",
            LocalDate.of(1979, 3, 28), Sex.F, "51215");
    private static final String PAT_TROIS_INS = "279035121518989";

    @TempDir
    Path dir;

    Process demo;
    final List<String> output = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopDemo() throws Exception {
        if (demo != null && demo.isAlive()) {
            demo.destroy(); // SIGTERM: the demo's shutdown hook stops the server and the sandboxes
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aCrValidatedAmendedAndRetractedOnTheAssembledDemoReachesTheDmpTheDrimboxAndMssante() throws Exception {
        Path config = Files.writeString(dir.resolve("opaline.properties"), String.join("\n",
                "db.url=jdbc:h2:file:" + dir.resolve("db").resolve("opaline").toAbsolutePath() + ";WRITE_DELAY=0",
                "worklist.port=0", "worklist.bindAddress=127.0.0.1", "psc.proxy.port=0", "psc.proxy.bind=127.0.0.1",
                "backup.enabled=false", "dmp.feeding.deferral=PT1S", "outbox.poll=PT0.3S", "mss.poll.interval=PT1H",
                ""));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dopaline.systemConfig=", "-cp", classpath, Main.class.getName(), "--home", dir.toString(),
                "--config", config.toString(), "demo", "--headless", "--patients", "5", "--days", "1")
                .redirectErrorStream(true).start();
        readOutput(demo.getInputStream());
        Matcher api = awaitLine(Pattern.compile("API du serveur du cabinet : (\\S+) \\(empreinte ([0-9A-Fa-f:]+)\\)"));
        Matcher sandboxes = awaitLine(Pattern.compile("Bacs à sable : (\\S+)"));
        awaitLine(Pattern.compile("Ctrl-C pour arrêter"));
        URI inspection = URI.create(sandboxes.group(1));

        // The workstation: its own home and configuration, no database: the server's URL and fingerprint only.
        Path station = Files.createDirectories(dir.resolve("poste"));
        OpalineConfig workstation = OpalineConfig.load(station,
                Files.writeString(station.resolve("opaline.properties"), "ui.language=fr\n"));
        try (ApiClient client = ApiWiring.connect(workstation, URI.create(api.group(1)), api.group(2))) {
            SessionApi sessions = client.api(SessionApi.class);
            List<UserAccount> accounts = sessions.demoAccounts();
            sessions.signInDemo(account(accounts, Role.SECRETAIRE).id());

            Patient created = client.api(PatientApi.class).create(NewPatient.of(PAT_TROIS));
            assertThat(created.status()).isEqualTo(IdentityStatus.PROVISOIRE);
            CatalogueView catalogue = client.api(AgendaApi.class).catalogue();
            Room room = catalogue.rooms().stream().filter(Room::active).findFirst().orElseThrow();
            ExamType exam = catalogue.examTypes().stream().filter(e -> e.active() && e.modality() == room.modality())
                    .findFirst().orElseThrow();
            // before the practice opens: no fictitious appointment of the seed is in the way
            java.time.Instant start = LocalDate.now(CoreServices.PRACTICE_ZONE).atTime(LocalTime.of(6, 0))
                    .atZone(CoreServices.PRACTICE_ZONE).toInstant();
            Booking booking = client.api(AgendaApi.class).book(new BookingRequest(created.id(), room.id(), exam.id(),
                    start, "Dr Étienne Moreau", null, "Douleur thoracique.", null));
            client.api(AgendaApi.class).markArrived(booking.appointment().id());
            sessions.signOut();

            UserAccount radiologist = account(accounts, Role.RADIOLOGUE);
            sessions.signInDemo(radiologist.id());
            IdentityApi identity = client.api(IdentityApi.class);
            InsiAnswer insi = identity.lookup(created.id());
            assertThat(insi.outcome()).as(insi.message()).isEqualTo("RECUPEREE_AUTOMATIQUEMENT");
            Patient qualified = identity.recordIdentityCheck(created.id(), new IdentityCheck("CNI",
                    LocalDate.now(CoreServices.PRACTICE_ZONE), radiologist.login(), "Carte d'identité présentée à l'accueil"));
            assertThat(qualified.status()).isEqualTo(IdentityStatus.QUALIFIEE);
            assertThat(qualified.ins().matricule()).isEqualTo(PAT_TROIS_INS);

            UUID step = booking.step().id();
            client.api(WorklistApi.class).start(step);
            client.api(WorklistApi.class).complete(step);
            YearMonth month = YearMonth.now(CoreServices.PRACTICE_ZONE);
            int fedBefore = dmpFeeds(client, month);
            ReportApi reports = client.api(ReportApi.class);
            ReportContent text = new ReportContent("Douleur thoracique.", "Scanner thoracique sans injection.",
                    "Pas d'embolie pulmonaire.", "Examen normal.");
            reports.saveDraft(step, text);
            ReportVersion v1 = latest(reports.validate(step, text, null));
            String uid = v1.documentUid();

            // validated: in the DMP after the deferral, then in the DRIMbox, and in the patient's mailbox
            JsonNode inDmp = await(inspection, "dmp", state -> inDmp(state, uid).isPresent());
            JsonNode inDrimbox = await(inspection, "drimbox", state -> inDrimbox(state, uid).isPresent());
            JsonNode v1InDrimbox = inDrimbox(inDrimbox, uid).orElseThrow();
            assertThat(v1InDrimbox.path("status").asText()).isEqualTo("ACTUEL");
            assertThat(v1InDrimbox.path("patientIns").asText()).isEqualTo(PAT_TROIS_INS);
            assertThat(Instant.parse(v1InDrimbox.path("receivedAt").asText()))
                    .as("the DRIMbox gets the CR once the DMP has it (SC.DB/RIS.12)")
                    .isAfterOrEqualTo(Instant.parse(inDmp(inDmp, uid).orElseThrow().path("recuLe").asText()));
            String mailbox = PAT_TROIS_INS + "@patient.mssante.fr";
            JsonNode inMss = await(inspection, "mss", state -> find(state.path("envois"),
                    e -> e.path("to").toString().contains(mailbox)).isPresent());
            JsonNode sent = find(inMss.path("envois"), e -> e.path("to").toString().contains(mailbox)).orElseThrow();
            assertThat(sent.path("to").toString()).as("delivered, not rejected").doesNotContain("rejeté");
            assertThat(sent.path("headers").path("X-MSS-INS").asText()).as("the CR sent with its INS").isEqualTo("O");

            // amended: the new version replaces it in both
            reports.amend(step, "Erreur de latéralité");
            ReportVersion v2 = latest(reports.validate(step, new ReportContent("Douleur thoracique.",
                    "Scanner thoracique sans injection.", "Pas d'embolie pulmonaire, à gauche comme à droite.",
                    "Examen normal."), null));
            await(inspection, "dmp", state -> inDmp(state, v2.documentUid())
                    .filter(d -> d.path("statut").asText().equals(XdsVocabulary.APPROVED)).isPresent());
            await(inspection, "drimbox", state -> inDrimbox(state, v2.documentUid())
                    .filter(d -> d.path("status").asText().equals("ACTUEL")).isPresent()
                    && inDrimbox(state, uid).orElseThrow().path("status").asText().equals("REMPLACE"));

            // retracted: deleted from both
            reports.retract(step, "Examen d'un autre patient");
            JsonNode dmp = await(inspection, "dmp", state -> inDmp(state, v2.documentUid())
                    .filter(d -> d.path("statut").asText().equals(XdsVocabulary.DELETED)).isPresent());
            JsonNode drimbox = await(inspection, "drimbox", state -> inDrimbox(state, v2.documentUid())
                    .filter(d -> d.path("status").asText().equals("SUPPRIME")).isPresent());

            // each send made exactly once, as the sandboxes counted them (refused duplicates, repeats included)
            assertThat(dmp.path("tentativesDeSoumission").path(uid).asInt()).as("ITI-41 of v1").isEqualTo(1);
            assertThat(dmp.path("tentativesDeSoumission").path(v2.documentUid()).asInt()).as("ITI-41 of v2").isEqualTo(1);
            JsonNode perDocument = drimbox.path("messagesParDocument");
            assertThat(perDocument.path("INITIAL " + uid).asInt()).isEqualTo(1);
            assertThat(perDocument.path("REPLACE " + v2.documentUid()).asInt()).isEqualTo(1);
            assertThat(perDocument.path("DELETE " + v2.documentUid()).asInt()).isEqualTo(1);
            for (JsonNode message : drimbox.path("messages")) {
                if (message.toString().contains(uid) || message.toString().contains(v2.documentUid())) {
                    assertThat(message.path("ack").asText()).as(message.toString()).isEqualTo("AA");
                }
            }
            assertThat(dmpFeeds(client, month) - fedBefore)
                    .as("the CR and its replacement acknowledged by the DMP; a deletion is not a feed").isEqualTo(2);
            sessions.signOut();
        }
    }

    /** The usage statistics as the practice server computes them (the radiologist's Statistics screen). */
    private static int dmpFeeds(ApiClient client, YearMonth month) {
        UsageReport statistics = client.api(StatisticsApi.class).report();
        return (int) statistics.count(month, DocumentType.CR_IMAGERIE, Indicator.DMP_REUSSI);
    }

    private static ReportVersion latest(ReportFile file) {
        return file.versions().get(file.versions().size() - 1);
    }

    private static Optional<JsonNode> inDmp(JsonNode dmp, String uid) {
        return documents(dmp.path("dossiers"), PAT_TROIS_INS).stream()
                .filter(d -> d.path("uniqueId").asText().equals(uid)).findFirst();
    }

    private static Optional<JsonNode> inDrimbox(JsonNode drimbox, String uid) {
        return find(drimbox.path("documents"), d -> d.path("documentUid").asText().equals(uid));
    }

    private static UserAccount account(List<UserAccount> accounts, Role role) {
        return accounts.stream().filter(a -> a.role() == role).findFirst()
                .orElseThrow(() -> new AssertionError("no fictitious " + role + " among " + accounts));
    }

    private static List<JsonNode> documents(JsonNode records, String ins) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode record : records) {
            if (record.path("ins").toString().contains(ins)) {
                record.path("documents").forEach(found::add);
            }
        }
        return found;
    }

    private static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode node : array) {
            if (test.test(node)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /** The sandbox's state once it satisfies the test, polled while the server's worker delivers. */
    private JsonNode await(URI inspection, String sandbox, Predicate<JsonNode> arrived) throws Exception {
        long deadline = System.nanoTime() + DELIVERED_WITHIN.toNanos();
        JsonNode state = inspect(inspection, sandbox);
        while (!arrived.test(state) && System.nanoTime() < deadline) {
            assertThat(demo.isAlive()).as(String.join("\n", output)).isTrue();
            Thread.sleep(300);
            state = inspect(inspection, sandbox);
        }
        assertThat(arrived.test(state)).as("not in the sandbox " + sandbox + " after " + DELIVERED_WITHIN + ": " + state
                + "\n--- demo output ---\n" + tail()).isTrue();
        return state;
    }

    private JsonNode inspect(URI inspection, String sandbox) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(inspection.resolve("inspect/" + sandbox))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private void readOutput(InputStream in) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
    }

    private Matcher awaitLine(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
            }
            assertThat(demo.isAlive()).as("the demo stopped:\n" + String.join("\n", output)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no line « " + pattern + " » within 180 s:\n" + String.join("\n", output));
    }

    private String tail() {
        List<String> lines = new ArrayList<>(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
