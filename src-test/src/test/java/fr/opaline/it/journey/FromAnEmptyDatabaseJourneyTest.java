package fr.opaline.it.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.app.Main;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.ApiLauncher;
import fr.opaline.app.wiring.ApiWiring;
import fr.opaline.app.wiring.DesktopWiring;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.common.Json;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.Totp;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.it.assembly.AssembledDemo;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.ui.concurrent.FxThreadWatchdog;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.shell.DesktopApplication;
import fr.opaline.ui.widgets.IdentityBadge;
import fr.opaline.worklist.WorklistScp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21's "Done when": a practice from an empty database, prepared by {@code opaline setup}
 * alone (the real command, on a fresh H2; its TOTP confirmed as the setup says when nobody is at
 * the keyboard, {@code opaline users totp-enrol}), then the practice server as it is assembled
 * (sandbox INSi and DMP, the worklist SCP on a free port) and the real desktop, headless, as a
 * workstation holding only the server's address. Nothing is seeded and no repository is called
 * here: every row is made from the desktop.
 *
 * <p>The administrator signs in with the password and the TOTP code of the secret the setup
 * printed, creates the room, the exam, a secretary and a radiologist; the secretary signs in with
 * her temporary password, must choose hers, turns on her second factor; she creates a patient with
 * complete traits (birthplace by name) — INSi is asked on its own and the identity becomes
 * récupérée —, records the identity card check — qualifiée — and books the exam; DCMTK's findscu
 * finds the patient with her INS on the worklist; the radiologist marks the exam performed and
 * validates the CR, which the server's outbox feeds to the sandbox DMP. The FX thread is watched
 * throughout (stalls over 100 ms fail), except while a screen opens for the first time in this JVM
 * (class loading, first CSS pass), as the ui journeys warm up before they watch.
 */
class FromAnEmptyDatabaseJourneyTest {

    private static final String ADMIN_PASSWORD = "Cabinet-Parc-Gestion-2026!";
    private static final String SECRETARY_TEMPORARY = "Provisoire-Bleu-2026";
    private static final String SECRETARY_CHOSEN = "Soleil-Parc-2026!";
    private static final String RADIOLOGIST_TEMPORARY = "Provisoire-Radio-2026";
    private static final String RADIOLOGIST_CHOSEN = "Radiologie-Parc-2026!";
    /** The ANS's test patient the sandbox INSi knows (born at Dompremy, 51215). */
    private static final String PAT_TROIS_INS = "279035121518989";
    private static final String WORKLIST_AE = "OPALINE_PARC";
    private static final Duration FED_WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private AssembledDemo server;
    private ApiClient api;
    private DesktopApplication app;
    private final FxRobot robot = new FxRobot();
    private FxThreadWatchdog watchdog;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        try {
            stopWatching();
        } finally {
            try {
                if (app != null) {
                    robot.interact(() -> app.stop());
                }
                FxToolkit.hideStage();
            } finally {
                if (api != null) {
                    api.close();
                }
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    @Test
    void fromSetupToTheDmpThroughTheDesktopOnly() throws Exception {
        // opaline setup on an empty database: the practice's identity and its first administrator.
        Path home = Files.createDirectories(dir.resolve("home"));
        String dbUrl = "jdbc:h2:mem:journey" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME), "db.url=" + dbUrl
                + "\naccounts.argon2.memoryKiB=1024\naccounts.argon2.iterations=1\n");
        Path password = Files.writeString(dir.resolve("admin.txt"), ADMIN_PASSWORD + "\n");
        String[] setup = opaline(home, "setup", "--non-interactive", "--set", "practice.name=Cabinet du Parc (fictif)",
                // the FINESS whose structure (1 + FINESS) the sandbox DMP's certificates name
                "--set", "practice.finess=690000013", "--admin-password-file", password.toString(),
                "--admin-totp-png", dir.resolve("totp.png").toString());
        assertThat(setup[0]).as(setup[2]).isEqualTo("0");
        assertThat(setup[1]).contains("Administrateur créé : admin");
        Matcher secret = Pattern.compile("Adresse otpauth : otpauth://\\S+[?&]secret=([A-Z2-7]+)").matcher(setup[1]);
        assertThat(secret.find()).as(setup[1]).isTrue();
        String adminSecret = secret.group(1);
        String[] enrolled = opaline(home, "users", "totp-enrol", "admin", "--code", code(adminSecret, 0));
        assertThat(enrolled[0]).as(enrolled[2]).isEqualTo("0");

        server = AssembledDemo.unseeded(home, Map.of("db.url", dbUrl, "worklist.enabled", "true", "worklist.port", "0",
                "worklist.bindAddress", "127.0.0.1", "worklist.aeTitle", WORKLIST_AE,
                "worklist.acceptAnyCallingAeTitle", "true", "dmp.feeding.deferral", "PT1S"));
        server.start();
        ApiLauncher launcher = server.service(ApiLauncher.class);
        Path station = Files.createDirectories(dir.resolve("poste"));
        OpalineConfig workstation = OpalineConfig.load(station,
                Files.writeString(station.resolve("opaline.properties"), "ui.language=fr\n"));
        api = ApiWiring.connect(workstation, launcher.uri(), launcher.fingerprint());
        // Outside opaline demo, no password-less account: the fictitious-account picker is refused.
        assertThatThrownBy(() -> api.api(SessionApi.class).demoAccounts()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("réservée à la démonstration"));

        FxToolkit.setupStage((Stage stage) -> {
            app = new DesktopApplication(DesktopWiring.workstation(workstation, "9.9.9-parcours", AuthenticationPort.none(),
                    api));
            app.start(stage);
        });
        until(() -> robot.lookup("#login-password").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        watch();

        // The administrator: password, then the code of the application that scanned the setup's QR code.
        typeInto("#login-login", "admin");
        typeInto("#login-password", ADMIN_PASSWORD);
        robot.clickOn("#login-submit");
        untilText("#login-totp-prompt", t -> t.startsWith("Saisissez le code à 6 chiffres"));
        typeInto("#login-totp-code", code(adminSecret, 1));
        firstTime(() -> {
            robot.clickOn("#login-totp-submit");
            until(() -> app.mainWindow() != null && app.session().user() != null && app.mainWindow().isVisible());
            robot.clickOn("#nav-admin");
            until(() -> app.mainWindow().admin().refreshedAtProperty().get() != null);
            robot.clickOn("Salles et examens");
        });
        assertThat(app.session().user().account().login()).isEqualTo("admin");

        // An empty catalogue: the scanner room and its exam.
        typeInto("#admin-room-code", "CT1");
        typeInto("#admin-room-name", "Scanner 1");
        choose("#admin-room-modality", Modality.CT);
        typeInto("#admin-room-ae", "AE_CT1");
        press("#admin-room-add");
        untilText("#admin-banner .label", t -> t.equals("Salle CT1 « Scanner 1 » ajoutée."));
        typeInto("#admin-exam-code", "CT-THX");
        typeInto("#admin-exam-label", "Scanner thoracique");
        choose("#admin-exam-modality", Modality.CT);
        typeInto("#admin-exam-minutes", "20");
        press("#admin-exam-add");
        untilText("#admin-banner .label", t -> t.startsWith("Examen CT-THX"));

        firstTime(() -> robot.clickOn("Utilisateurs et rôles"));
        createAccount("accueil.durand", "Marie Durand", Role.SECRETAIRE, null, SECRETARY_TEMPORARY);
        createAccount("dr.moreau", "Dr Paul Moreau", Role.RADIOLOGUE, "99700000000", RADIOLOGIST_TEMPORARY);

        // The secretary: the temporary password must be replaced, then she turns on her second factor.
        switchUser();
        typeInto("#login #login-login", "accueil.durand");
        typeInto("#login #login-password", SECRETARY_TEMPORARY);
        robot.clickOn("#login #login-submit");
        untilText("#login #login-new-password-prompt",
                t -> t.equals("Mot de passe provisoire : choisissez votre mot de passe."));
        assertThat(app.session().user() == null || !"accueil.durand".equals(app.session().user().account().login()))
                .as("not signed in before choosing").isTrue();
        typeInto("#login #login-new-password", SECRETARY_CHOSEN);
        typeInto("#login #login-new-password-confirm", SECRETARY_CHOSEN);
        firstTime(() -> {
            robot.clickOn("#login #login-new-password-submit");
            until(() -> app.session().user() != null && app.mainWindow().isVisible()
                    && app.session().user().account().login().equals("accueil.durand"));
            press("#shell-totp");
            until(() -> robot.lookup("#totp-secret").tryQuery().map(n -> text("#totp-secret").replace(" ", "")
                    .matches(".*[A-Z2-7]{16,}"))
                    .orElse(false));
        });
        Matcher shown = Pattern.compile("([A-Z2-7]{16,})$").matcher(text("#totp-secret").replace(" ", ""));
        assertThat(shown.find()).isTrue();
        robot.clickOn("#totp-code").write(code(shown.group(1), 0));
        press("#totp-confirm");
        until(() -> text("#totp-status").startsWith("Second facteur activé") || !text("#totp-error").isBlank());
        assertThat(text("#totp-error")).isEmpty();
        DialogPane enrolment = robot.lookup("#totp-enrolment").queryAs(DialogPane.class);
        robot.interact(((ButtonBase) enrolment.lookupButton(ButtonType.CLOSE))::fire);
        until(() -> robot.lookup("#totp-enrolment").tryQuery().isEmpty());

        // A patient with complete traits: INSi answers on its own, the identity is récupérée.
        InsiSandbox insi = server.sandbox(InsiSandbox.class);
        int insiCallsBefore = insi.received().size();
        firstTime(() -> {
            robot.clickOn("#nav-patients");
            robot.clickOn("#patients-new");
            until(() -> robot.lookup("#new-birthplace-name").tryQuery().isPresent());
        });
        typeInto("#new-birth-name", "PAT-TROIS");
        typeInto("#new-first-names", "DOMINIQUE MARIE-LOUISE");
        typeInto("#new-birth-date", "28/03/1979");
        press("#new-sex-F");
        Predicate<Node> dompremy = n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("Dompremy (51)") && n.isVisible();
        // The suggestions' popup shows for the first time in this JVM (its skin and CSS are built then).
        firstTime(() -> {
            typeInto("#new-birthplace-name", "Dompre");
            until(() -> robot.lookup(dompremy).tryQuery().isPresent());
        });
        robot.clickOn(robot.lookup(dompremy).queryAs(Node.class));
        untilText("#new-birthplace-chosen", t -> t.startsWith("Dompremy (51)"));
        firstTime(() -> {
            press("#new-patient-create");
            until(() -> robot.lookup("#record-name").tryQuery().map(n -> text("#record-name").startsWith("PAT-TROIS"))
                    .orElse(false));
            // INSi's answer, taken on its own, fills the record's INS card for the first time.
            until(() -> status().equals("Identité récupérée"));
        });
        assertThat(insi.received().size()).as("INSi asked without a click").isGreaterThan(insiCallsBefore);
        untilText("#record-birthplace", t -> t.equals("Dompremy (51)"));

        // The identity card seen at the desk: qualifiée.
        firstTime(() -> {
            press("#identity-check-open");
            until(() -> robot.lookup("#identity-check-document").tryQuery().isPresent());
        });
        choose("#identity-check-document", IdentityEvidence.CNI);
        press("#identity-check-seen");
        press("#identity-check-save");
        until(() -> status().equals("Identité qualifiée"));

        // The exam booked from the record.
        firstTime(() -> {
            press("#record-book");
            until(() -> robot.lookup("#booking-dialog").tryQuery().isPresent());
        });
        Node booking = robot.lookup("#booking-dialog").query();
        robot.clickOn(robot.from(booking).lookup("Scanner thoracique").queryAs(Node.class));
        ComboBox<?> time = robot.lookup("#booking-time").queryAs(ComboBox.class);
        robot.interact(() -> time.getEditor().clear());
        robot.clickOn(time.getEditor()).write("14:00");
        robot.clickOn("#booking-indication").write("Douleur thoracique.");
        press("#booking-confirm");
        until(() -> robot.lookup("#booking-dialog").tryQuery().isEmpty());

        // The modality's query (DCMTK, a peer nobody here wrote): the patient, with her INS.
        String worklist = findscu(server.service(WorklistScp.class).port());
        assertThat(worklist).contains("PAT-TROIS^DOMINIQUE").contains("[" + PAT_TROIS_INS)
                .contains("[" + InsNumber.OID_TEST_NIR + "]");

        // The radiologist: his own password first, then the exam performed and the CR validated.
        switchUser();
        typeInto("#login #login-login", "dr.moreau");
        typeInto("#login #login-password", RADIOLOGIST_TEMPORARY);
        robot.clickOn("#login #login-submit");
        untilText("#login #login-new-password-prompt", t -> t.startsWith("Mot de passe provisoire"));
        typeInto("#login #login-new-password", RADIOLOGIST_CHOSEN);
        typeInto("#login #login-new-password-confirm", RADIOLOGIST_CHOSEN);
        firstTime(() -> {
            robot.clickOn("#login #login-new-password-submit");
            until(() -> app.session().user() != null && app.mainWindow().isVisible()
                    && app.session().user().account().login().equals("dr.moreau"));
            robot.clickOn("#nav-worklist");
            until(() -> !app.mainWindow().worklist().steps().isEmpty());
        });
        Predicate<Node> patientRow = n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("PAT-TROIS") && n.isVisible();
        Node table = robot.lookup("#worklist-table").query();
        ButtonBase start = robot.lookup("#worklist-start").queryAs(ButtonBase.class);
        for (int attempt = 1; ; attempt++) {
            until(() -> robot.from(table).lookup(patientRow).tryQuery().isPresent());
            robot.clickOn(robot.from(table).lookup(patientRow).queryAs(Node.class));
            try {
                until(() -> !start.isDisabled());
                break;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
        press("#worklist-start");
        press("#worklist-complete");
        until(() -> robot.from(table).lookup(".step-completed").tryQuery().isPresent());

        firstTime(() -> {
            robot.clickOn("#nav-reports");
            Predicate<Node> exam = n -> n instanceof Labeled l && l.getText() != null
                    && l.getText().startsWith("PAT-TROIS") && l.getStyleClass().contains("report-exam-patient");
            until(() -> robot.lookup(exam).tryQuery().isPresent());
            robot.clickOn(robot.lookup(exam).queryAs(Node.class));
            untilText("#report-exam-status", t -> t.equals("Examen : Réalisé"));
        });
        typeInto("#report-results", "Pas d'embolie pulmonaire.");
        typeInto("#report-conclusion", "Examen normal.");
        untilText("#report-status", t -> t.equals("Brouillon"));
        firstTime(() -> {
            press("#report-validate");
            until(() -> robot.lookup("#validate-confirm").tryQuery().isPresent());
        });
        // Performed (then dictated): no override asked.
        assertThat(robot.lookup("#validate-not-performed").tryQuery()).isEmpty();
        press("#validate-confirm");
        untilText("#report-status", t -> t.startsWith("Validé"));
        stopWatching();

        // The server's outbox, not the test, feeds the CR to the sandbox DMP after the deferral: one
        // submission (ITI-41, as the sandbox counts them) of a document now in PAT-TROIS's record.
        long deadline = System.nanoTime() + FED_WITHIN.toNanos();
        JsonNode state = dmp();
        while (!fedToPatTrois(state) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            state = dmp();
        }
        assertThat(fedToPatTrois(state)).as("the CR in PAT-TROIS's DMP; outbox:\n" + server.jobs()).isTrue();
        JsonNode submissions = state.path("tentativesDeSoumission");
        assertThat(submissions.size()).as(submissions.toString()).isEqualTo(1);
        assertThat(submissions.elements().next().asInt()).isEqualTo(1);
    }

    private void createAccount(String login, String name, Role role, String rpps, String temporary) throws Exception {
        typeInto("#admin-account-login", login);
        typeInto("#admin-account-name", name);
        choose("#admin-account-role", role);
        if (rpps != null) {
            typeInto("#admin-account-rpps", rpps);
            typeInto("#admin-account-profession", "10");
        }
        typeInto("#admin-account-password", temporary);
        press("#admin-account-create");
        untilText("#admin-banner .label", t -> t.startsWith("Compte « " + login + " » créé"));
    }

    /** Locks the session and gives the workstation to another user, as Ctrl+L then "Changer d'utilisateur". */
    private void switchUser() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        until(() -> robot.lookup("#lock-switch-user").tryQuery().isPresent());
        robot.clickOn("#lock-switch-user");
        until(() -> robot.lookup("#login #login-login").tryQuery().map(Node::isVisible).orElse(false));
    }

    /** The sandbox DMP's state, as its inspection endpoint shows it. */
    private JsonNode dmp() {
        return Json.mapper().valueToTree(server.sandbox(DmpSandbox.class).inspect());
    }

    /** Whether a document submitted by the practice is in PAT-TROIS's record. */
    private static boolean fedToPatTrois(JsonNode state) {
        Set<String> inRecord = documents(state);
        for (java.util.Iterator<String> uids = state.path("tentativesDeSoumission").fieldNames(); uids.hasNext(); ) {
            if (inRecord.contains(uids.next())) {
                return true;
            }
        }
        return false;
    }

    /** The uniqueIds of the documents the sandbox DMP holds for PAT-TROIS. */
    private static Set<String> documents(JsonNode state) {
        Set<String> ids = new HashSet<>();
        for (JsonNode record : state.path("dossiers")) {
            if (record.path("ins").toString().contains(PAT_TROIS_INS)) {
                record.path("documents").forEach(d -> ids.add(d.path("uniqueId").asText()));
            }
        }
        return ids;
    }

    /** findscu -W for PAT-TROIS (name, IPP, other patient IDs) and the answers dumped by dcmdump in UTF-8. */
    private String findscu(int port) throws Exception {
        Path out = Files.createDirectories(dir.resolve("findscu"));
        String console = run("findscu", "-W", "-aec", WORKLIST_AE, "-X", "-od", out.toString(), "-k",
                "0010,0010=PAT-TROIS*", "-k", "0010,0020", "-k", "0010,1002", "127.0.0.1", String.valueOf(port));
        List<String> files;
        try (Stream<Path> listing = Files.list(out)) {
            files = listing.map(Path::toString).sorted().toList();
        }
        assertThat(files).as(console).hasSize(1);
        List<String> dump = new ArrayList<>(List.of("dcmdump", "+U8"));
        dump.addAll(files);
        return run(dump.toArray(String[]::new));
    }

    private String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    /** The real command line in this JVM: exit code, output, errors. */
    private static String[] opaline(Path home, String... args) {
        picocli.CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    /** What the authenticator application shows now ({@code ahead} = 1: its next code, a code being accepted once). */
    private static String code(String secret, int ahead) {
        return Totp.code(secret, Totp.step(Instant.now()) + ahead);
    }

    private String status() {
        IdentityBadge badge = robot.lookup("#record-identity-badge").queryAs(IdentityBadge.class);
        return robot.from(badge).lookup(".identity-status").queryAs(Label.class).getText();
    }

    // --- the FX thread's watch -------------------------------------------------------------------

    private void watch() {
        watchdog = new FxThreadWatchdog(Duration.ofMillis(100), Platform::runLater, v -> { });
        watchdog.start();
    }

    private void stopWatching() {
        if (watchdog == null) {
            return;
        }
        watchdog.close();
        List<FxThreadWatchdog.Violation> blocking = watchdog.violations().stream()
                .filter(v -> v.cause().blocksTheInterface()).toList();
        watchdog = null;
        assertThat(blocking).as("the FX thread was blocked more than 100 ms:\n"
                + blocking.stream().map(Object::toString).collect(Collectors.joining("\n"))).isEmpty();
    }

    interface Step {
        void run() throws Exception;
    }

    /** A screen opened for the first time in this JVM: not watched (class loading), then watched again. */
    private void firstTime(Step step) throws Exception {
        stopWatching();
        step.run();
        WaitForAsyncUtils.waitForFxEvents();
        watch();
    }

    // --- a person's gestures ------------------------------------------------------------------------

    private void until(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private void untilText(String query, Predicate<String> condition) throws Exception {
        try {
            until(() -> robot.lookup(query).tryQuery().isPresent() && condition.test(text(query)));
        } catch (java.util.concurrent.TimeoutException e) {
            String shown = WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().isPresent() ? text(query)
                    : "(absent)").get();
            throw new AssertionError(query + " shows \"" + shown + "\"", e);
        }
    }

    /** Focuses the field (scrolled into view or not) with the caret at the end, then types. */
    private void typeInto(String query, String typed) throws Exception {
        until(() -> robot.lookup(query).tryQuery().isPresent());
        typeInto(robot.lookup(query).queryAs(TextInputControl.class), typed);
    }

    private void typeInto(TextInputControl input, String typed) throws Exception {
        robot.interact(() -> {
            input.requestFocus();
            input.end();
        });
        until(input::isFocused);
        robot.write(typed);
    }

    private void press(String query) throws Exception {
        until(() -> robot.lookup(query).tryQuery().map(n -> !n.isDisabled() && n.isVisible()).orElse(false));
        ButtonBase button = robot.lookup(query).queryAs(ButtonBase.class);
        robot.interact(button::fire);
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(String query, T item) throws Exception {
        until(() -> robot.lookup(query).tryQuery().isPresent());
        ComboBox<T> combo = robot.lookup(query).queryAs(ComboBox.class);
        robot.interact(() -> combo.getSelectionModel().select(item));
    }

    private String text(String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Labeled labeled ? labeled.getText()
                : node instanceof TextInputControl input ? input.getText() : node.toString();
    }
}
