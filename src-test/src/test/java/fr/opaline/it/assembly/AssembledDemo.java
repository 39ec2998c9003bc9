package fr.opaline.it.assembly;

import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.sandbox.SandboxHost;
import fr.opaline.app.sandbox.SandboxRegistry;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.ApiLauncher;
import fr.opaline.app.wiring.ApiWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.DmpWiring;
import fr.opaline.app.wiring.DrimboxWiring;
import fr.opaline.app.wiring.InsWiring;
import fr.opaline.app.wiring.MssWiring;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.ins.matricule.MatriculeKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The practice server as {@code opaline demo} assembles it ({@link ServerAssembly}, the same wiring
 * code), over an in-memory H2, with every sandbox started and configured as the demo configures
 * them; a front-desk account ({@value #SECRETARY}) and seeding through the process's own services
 * (the audit key is the server's).
 */
public final class AssembledDemo implements AutoCloseable {

    public static final String SECRETARY = "accueil";
    public static final String PASSWORD = "Bleu-Vert-Soleil-2026!";

    public final SandboxHost sandbox;
    /** The process's services over the practice as {@code opaline demo} seeds it (name, FINESS of the sandboxes). */
    public final CoreServices core;
    private final CoreServices opened;
    private PracticeServer server;

    public AssembledDemo(Path home, Map<String, String> more) throws Exception {
        this(home, more, true);
    }

    /**
     * The server as {@code opaline demo} assembles it, over the database {@code more} names (its
     * {@code db.url}) exactly as it is: no practice settings, no account written here (a database
     * prepared by {@code opaline setup} alone). {@link #signedIn()} is then unusable.
     */
    public static AssembledDemo unseeded(Path home, Map<String, String> more) throws Exception {
        return new AssembledDemo(home, more, false);
    }

    private AssembledDemo(Path home, Map<String, String> more, boolean seed) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("db.url", "jdbc:h2:mem:assembled" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "worklist.enabled", "false", "psc.proxy.port", "0", "psc.proxy.bind",
                "127.0.0.1", "backup.enabled", "false", "server.mode", "demo", "api.port", "0", "api.bind", "127.0.0.1",
                "outbox.poll", "PT0.2S"));
        settings.put("accounts.argon2.memoryKiB", "1024");
        settings.put("accounts.argon2.iterations", "1");
        settings.putAll(more);
        OpalineConfig config = OpalineConfig.of(home, settings);
        Path sandboxDirectory = home.resolve("sandbox");
        sandbox = new SandboxHost(SandboxRegistry.create(config, sandboxDirectory), 0);
        sandbox.start();
        OpalineConfig demo = MssWiring.pointedAtSandbox(InsWiring.pointedAtSandbox(
                DmpWiring.pointedAtSandbox(DrimboxWiring.pointedAtSandbox(config, sandbox.services()),
                        sandbox.services(), sandboxDirectory), sandbox.services()),
                sandboxDirectory, sandbox.services());
        opened = CoreServices.open(demo);
        if (!seed) {
            core = CoreServices.over(demo, opened.database, opened.clock, opened.ids);
            return;
        }
        opened.database.inTransactionRun(ctx -> {
            PracticeSettings.put(ctx, PracticeSettings.NAME, "Centre d'imagerie des Tilleuls (fictif)");
            PracticeSettings.put(ctx, PracticeSettings.CITY, "Lyon");
            PracticeSettings.put(ctx, PracticeSettings.FINESS, "690000013"); // the sandbox DMP's structure 1690000013
        });
        core = CoreServices.over(demo, opened.database, opened.clock, opened.ids);
        AccountsWiring accounts = new AccountsWiring(core);
        accounts.administration.create(Actor.system("test"), new NewAccount(SECRETARY, "Accueil", Role.SECRETAIRE, null,
                null, null), "Provisoire-0000-x".toCharArray());
        accounts.authentication.changePassword(SECRETARY, "Provisoire-0000-x".toCharArray(), PASSWORD.toCharArray(),
                null);
    }

    public <T extends SandboxService> T sandbox(Class<T> type) {
        return sandbox.services().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** Assembles and starts the server (after the seeding). */
    public PracticeServer start() throws Exception {
        server = ServerAssembly.assemble(core);
        server.start();
        return server;
    }

    public <T> T service(Class<T> type) {
        return server.services().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** A client of the server's API signed in as the front desk. */
    public ApiClient signedIn() {
        ApiLauncher launcher = service(ApiLauncher.class);
        ApiClient api = ApiWiring.connect(core.config, launcher.uri(), launcher.fingerprint());
        api.api(SessionApi.class).signIn(SECRETARY, PASSWORD.toCharArray(), null);
        return api;
    }

    public Room room(String code, Modality modality) {
        Room room = new Room(core.ids.newId(), code, "Salle " + code, modality, "AE_" + code, code, true);
        core.database.inTransactionRun(ctx -> new CatalogueRepository(ctx).insertRoom(room));
        return room;
    }

    public ExamType exam(String code, Modality modality) {
        ExamType exam = new ExamType(core.ids.newId(), code, "Examen " + code, modality, "67734004",
                "segment thoracique du tronc", null, 15, true);
        core.database.inTransactionRun(ctx -> new CatalogueRepository(ctx).insertExamType(exam));
        return exam;
    }

    public UserAccount radiologist(String login, String rpps) {
        UserAccount user = new UserAccount(core.ids.newId(), login, "Dr " + login, Role.RADIOLOGUE, rpps, "10", null,
                true, core.clock.instant());
        core.database.inTransactionRun(ctx -> new UserRepository(ctx).insert(user));
        return user;
    }

    /** A patient whose identity is qualifiée, with a test NIR (first 13 digits given, key computed). */
    public Patient qualifiedPatient(String birthName, String firstNames, LocalDate birthDate, Sex sex, String nir13) {
        Patient created = core.patients.create(NewPatient.of(IdentityTraits.of(birthName, firstNames, birthDate, sex,
                "75056")), Actor.system("test"));
        InsNumber ins = new InsNumber(nir13 + MatriculeKey.of(nir13), InsNumber.OID_TEST_NIR);
        return core.database.inTransaction(ctx -> new PatientRepository(ctx).update(created.withIdentity(
                created.traits(), ins, IdentityStatus.QUALIFIEE, created.attributes(), "CNI", core.clock.instant()),
                core.clock.instant()));
    }

    /** The outbox's jobs (type, state, last error), to say why a test waited in vain. */
    public String jobs() {
        return core.outbox.list(java.util.Set.of(), java.util.Set.of(), null, 50).stream()
                .map(j -> j.type() + " " + j.state() + " " + j.attempts() + " " + j.lastError())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.stop(Duration.ofSeconds(1));
            }
        } finally {
            try {
                opened.close();
            } finally {
                sandbox.close();
            }
        }
    }
}
