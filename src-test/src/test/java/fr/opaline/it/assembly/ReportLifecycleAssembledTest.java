package fr.opaline.it.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.sandbox.SandboxHost;
import fr.opaline.app.sandbox.SandboxRegistry;
import fr.opaline.app.seed.Seeder;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.DemoWiring;
import fr.opaline.app.wiring.InsWiring;
import fr.opaline.app.wiring.ReportWiring;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.order.ExamProgressService;
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
import fr.opaline.core.statistics.UsageStatistics;
import fr.opaline.core.sandbox.SandboxService;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.ins.status.IdentityEvidence;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CR's whole life through the practice server as it is assembled ({@link ServerAssembly}, every
 * sandbox started and pointed at as {@code opaline demo} does, {@link DemoWiring}), no wiring of
 * the test's own: validated, it reaches the sandbox DMP after the deferral, and only once the DMP
 * acknowledged it the sandbox DRIMbox source (SC.DB/RIS.12, SC.DMP/ALI/PROG.02); its amendment and
 * its retraction follow to both; every send made exactly once, counted by the sandboxes (refused
 * duplicates and repeated messages included); the usage statistics count the DMP feeds.
 * (Replaces the hand-wired {@code DmpThenDrimboxEndToEndTest} of drimbox-bridge; the validation of a
 * new patient's CR over the network, in a separate process, is {@link DemoEndToEndTest}.)
 */
class ReportLifecycleAssembledTest {

    private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(60);
    private static final IdentityTraits PATIENT = IdentityTraits.of("MARTIN", "CLAIRE", LocalDate.of(1985, 6, 14), Sex.F,
            "75114"); // known to the sandbox INSi (sandbox-identities.json)

    @TempDir
    Path home;

    @Test
    void validateAmendRetractReachTheDmpThenTheDrimbox() throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("db.url", "jdbc:h2:mem:lifecycle" + System.nanoTime()
                        + ";DB_CLOSE_DELAY=-1", "worklist.port", "0", "worklist.bindAddress", "127.0.0.1",
                "psc.proxy.port", "0", "psc.proxy.bind", "127.0.0.1", "backup.enabled", "false", "api.port", "0",
                "api.bind", "127.0.0.1", "dmp.feeding.deferral", "PT2S"));
        values.putAll(Map.of("outbox.poll", "PT0.2S", "mss.poll.interval", "PT1H"));
        OpalineConfig config = OpalineConfig.of(home, values);
        Path sandboxDirectory = home.resolve("sandbox");
        try (SandboxHost sandbox = new SandboxHost(SandboxRegistry.create(config, sandboxDirectory), 0);
             CoreServices opened = CoreServices.open(config)) {
            new Seeder(config, opened.database).seed(new Seeder.Plan(1, 1, 1, LocalDate.now(CoreServices.PRACTICE_ZONE)),
                    done -> { });
            sandbox.start();
            CoreServices core = CoreServices.over(DemoWiring.pointedAtSandboxes(config, sandbox.services(),
                    sandboxDirectory), opened.database, opened.clock, opened.ids);
            PracticeServer server = ServerAssembly.assemble(core);
            server.start();
            try {
                run(core, sandbox);
            } finally {
                server.stop(Duration.ofSeconds(5));
            }
        }
    }

    private void run(CoreServices core, SandboxHost sandbox) throws Exception {
        UserAccount radiologist = new UserRepository(core.database.dsl()).findByRole(Role.RADIOLOGUE).get(0);
        UserAccount secretary = new UserRepository(core.database.dsl()).findByRole(Role.SECRETAIRE).get(0);
        Actor doctor = Actor.user(radiologist.id(), radiologist.login());
        Actor desk = Actor.user(secretary.id(), secretary.login());

        // the patient, her INS from the sandbox INSi, her identity checked on an ID card: qualifiée
        Patient patient = core.patients.create(NewPatient.of(PATIENT), desk);
        InsWiring.InsServices ins = InsWiring.insServices(core);
        ins.lookup().lookupForPatient(patient.id(), desk);
        patient = ins.statuses().recordIdentityCheck(patient.id(), IdentityEvidence.CNI, "CNI présentée", desk);
        assertThat(patient.status()).isEqualTo(IdentityStatus.QUALIFIEE);
        String matricule = patient.ins().matricule();

        Room room = new CatalogueRepository(core.database.dsl()).rooms().stream().filter(Room::active).findFirst()
                .orElseThrow();
        ExamType exam = new CatalogueRepository(core.database.dsl()).examTypes().stream()
                .filter(e -> e.active() && e.modality() == room.modality()).findFirst().orElseThrow();
        Booking booked = core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                Instant.now().minus(Duration.ofDays(2)), "Dr Étienne Moreau", null, "Toux persistante.", null), desk);
        ExamProgressService progress = new ExamProgressService(core.database, core.audit, core.clock);
        progress.start(booked.step().id(), doctor);
        progress.complete(booked.step().id(), doctor);

        ReportWiring reporting = new ReportWiring(core);
        ReportVersion draft = reporting.reports.createDraft(booked.order().id(), doctor);
        reporting.reports.updateDraft(draft.reportId(), new ReportContent(draft.indication(), "Scanner sans injection.",
                "Pas de nodule.", "Examen normal."), doctor);
        ReportVersion v1 = reporting.reports.validate(draft.reportId(), doctor);

        JsonNode dmpEntry = await(sandbox, "dmp", s -> inDmp(s, matricule, v1.documentUid()).isPresent());
        JsonNode drimboxCr = await(sandbox, "drimbox", s -> inDrimbox(s, v1.documentUid()).isPresent());
        JsonNode v1InDmp = inDmp(dmpEntry, matricule, v1.documentUid()).orElseThrow();
        JsonNode v1InDrimbox = inDrimbox(drimboxCr, v1.documentUid()).orElseThrow();
        assertThat(v1InDrimbox.path("status").asText()).isEqualTo("ACTUEL");
        assertThat(v1InDrimbox.path("patientIns").asText()).isEqualTo(matricule);
        assertThat(Instant.parse(v1InDrimbox.path("receivedAt").asText()))
                .as("the DRIMbox gets the CR once the DMP has it").isAfterOrEqualTo(Instant.parse(v1InDmp.path("recuLe").asText()));

        reporting.reports.amend(v1.reportId(), "Erreur de latéralité", doctor);
        ReportVersion v2 = reporting.reports.validate(v1.reportId(), doctor);
        await(sandbox, "dmp", s -> inDmp(s, matricule, v2.documentUid())
                .filter(e -> e.path("statut").asText().equals(XdsVocabulary.APPROVED)).isPresent());
        await(sandbox, "drimbox", s -> inDrimbox(s, v2.documentUid()).filter(d -> d.path("status").asText().equals("ACTUEL"))
                .isPresent() && inDrimbox(s, v1.documentUid()).orElseThrow().path("status").asText().equals("REMPLACE"));

        reporting.reports.retract(v1.reportId(), "Examen d'un autre patient", doctor);
        await(sandbox, "dmp", s -> inDmp(s, matricule, v2.documentUid())
                .filter(e -> e.path("statut").asText().equals(XdsVocabulary.DELETED)).isPresent());
        JsonNode drimbox = await(sandbox, "drimbox", s -> inDrimbox(s, v2.documentUid())
                .filter(d -> d.path("status").asText().equals("SUPPRIME")).isPresent());

        // each send exactly once, whatever the sandboxes answered
        JsonNode dmp = inspect(sandbox, "dmp");
        assertThat(dmp.path("tentativesDeSoumission").path(v1.documentUid()).asInt()).isEqualTo(1);
        assertThat(dmp.path("tentativesDeSoumission").path(v2.documentUid()).asInt()).isEqualTo(1);
        assertThat(dmp.path("doublonsRefuses").asInt()).isZero();
        JsonNode perDocument = drimbox.path("messagesParDocument");
        assertThat(perDocument.path("INITIAL " + v1.documentUid()).asInt()).isEqualTo(1);
        assertThat(perDocument.path("REPLACE " + v2.documentUid()).asInt()).isEqualTo(1);
        assertThat(perDocument.path("DELETE " + v2.documentUid()).asInt()).isEqualTo(1);
        for (JsonNode message : drimbox.path("messages")) {
            assertThat(message.path("ack").asText()).as(message.toString()).isEqualTo("AA");
        }

        YearMonth month = YearMonth.now(core.clock.withZone(CoreServices.PRACTICE_ZONE));
        UsageReport statistics = new UsageStatistics(core.database, core.profile, core.clock).report(month, month);
        assertThat(statistics.count(month, DocumentType.CR_IMAGERIE, Indicator.DMP_REUSSI))
                .as("the CR and its replacement, acknowledged by the DMP; a deletion is not a feed").isEqualTo(2);
        assertThat(statistics.count(month, DocumentType.CR_IMAGERIE, Indicator.DMP_ECHEC)).isZero();
    }

    private static Optional<JsonNode> inDmp(JsonNode dmp, String matricule, String uid) {
        for (JsonNode record : dmp.path("dossiers")) {
            if (record.path("ins").toString().contains(matricule)) {
                for (JsonNode document : record.path("documents")) {
                    if (document.path("uniqueId").asText().equals(uid)) {
                        return Optional.of(document);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> inDrimbox(JsonNode drimbox, String uid) {
        for (JsonNode cr : drimbox.path("documents")) {
            if (cr.path("documentUid").asText().equals(uid)) {
                return Optional.of(cr);
            }
        }
        return Optional.empty();
    }

    /** What the sandbox shows on its inspection page (no sandbox class used by the test). */
    private static JsonNode inspect(SandboxHost sandbox, String name) {
        SandboxService service = sandbox.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        return Json.mapper().valueToTree(service.inspect());
    }

    private static JsonNode await(SandboxHost sandbox, String name, Predicate<JsonNode> arrived) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVES_WITHIN.toNanos();
        JsonNode state = inspect(sandbox, name);
        while (!arrived.test(state) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            state = inspect(sandbox, name);
        }
        assertThat(arrived.test(state)).as("sandbox %s after %s: %s", name, ARRIVES_WITHIN, state).isTrue();
        return state;
    }
}
