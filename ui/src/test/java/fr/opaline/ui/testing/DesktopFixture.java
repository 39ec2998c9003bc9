package fr.opaline.ui.testing;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.DesktopServices;
import fr.opaline.ui.RecordFeatures;
import fr.opaline.dmp.DmpChanges;
import fr.opaline.dmp.authorization.DmpAuthorizations;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpEndpoints;
import fr.opaline.dmp.client.HttpDmpTransport;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.pki.SandboxPki;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.vihf.VihfStructure;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.ins.insi.InsiClient;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.insi.InsiSettings;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.sandbox.ins.SandboxIdentities;
import fr.opaline.ins.status.IdentityStatusService;
import java.io.IOException;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.DemoSignIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;

/**
 * A small practice on a fresh H2 database for the desktop's tests: two CT rooms and an
 * ultrasound room, a few exams, a secretary, patients of every identity status, and
 * appointments on the fixture's day (Monday 2 March 2026, the clock stands at 09:00 Paris).
 */
public final class DesktopFixture implements AutoCloseable {

    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** The practice's structure id (1 + FINESS) in the test PKI and the VIHF. */
    public static final String DMP_STRUCTURE = "1690000001";

    public final TestDatabases.TestDatabase db;
    public final CoreFixture core;
    public final Room scanner1;
    public final Room scanner2;
    public final Room echo;
    public final ExamType thorax;
    public final ExamType brain;
    public final ExamType abdomen;
    public final UserAccount secretary;
    public final Actor actor;
    public final Patient qualified;
    public final Patient provisional;
    public final Patient retrieved;
    public final Booking qualifiedAtNine;
    public final Booking provisionalAtTen;
    public final Booking retrievedEchoAtNine;
    /** The record's services the fixture's practice server offers (set by {@link #withInsi()}, {@link #withDmp()}). */
    private InsiLookupService insiLookup;
    private DicaService dica;
    private DmpConsultationService dmpConsultation;
    private InsiSandbox insiSandbox;
    private DmpSandbox dmpSandbox;
    private static SandboxPki sharedPki;
    /** Set by {@link #withDmp()}: the consent service the desktop uses, and a radiologist with an RPPS. */
    public DmpConsentService dmpConsent;
    public UserAccount radiologist;
    /** Set by {@link #withDmp()}: the client of the sandbox DMP (mutual TLS, signed VIHF). */
    public DmpClient dmpClient;

    public DesktopFixture() {
        this(TestDatabases.h2());
    }

    public DesktopFixture(TestDatabases.TestDatabase db) {
        this.db = db;
        this.core = new CoreFixture(db.database());
        scanner1 = room("CT1", "Scanner 1", Modality.CT);
        scanner2 = room("CT2", "Scanner 2", Modality.CT);
        echo = room("US1", "Échographie", Modality.US);
        thorax = exam("CT-THX", "Scanner thoracique", Modality.CT, 20);
        brain = exam("CT-CRANE", "Scanner cérébral", Modality.CT, 15);
        abdomen = exam("US-ABD", "Échographie abdominale", Modality.US, 20);
        secretary = core.user("secretariat", Role.SECRETAIRE, null);
        actor = Actor.user(secretary.id(), secretary.login());
        qualified = withIdentity(core.patient("MARTIN", "ANNE CLAIRE", LocalDate.of(1980, 5, 6), Sex.F),
                IdentityStatus.QUALIFIEE, new InsNumber(nir("2800569123045"), InsNumber.OID_TEST_NIR),
                IdentityAttributes.NONE);
        provisional = withIdentity(core.patient("DURAND", "PAUL", LocalDate.of(1975, 1, 2), Sex.M),
                IdentityStatus.PROVISOIRE, null, new IdentityAttributes(true, false, false));
        retrieved = withIdentity(core.patient("LEFEVRE", "CHLOE", LocalDate.of(1992, 11, 23), Sex.F),
                IdentityStatus.RECUPEREE, new InsNumber(nir("2921175112001"), InsNumber.OID_TEST_NIR),
                new IdentityAttributes(false, false, true));
        qualifiedAtNine = book(qualified, scanner1, thorax, LocalTime.of(9, 0));
        provisionalAtTen = book(provisional, scanner1, brain, LocalTime.of(10, 0));
        retrievedEchoAtNine = book(retrieved, echo, abdomen, LocalTime.of(9, 0));
    }

    /** A test NIR with its real control key. */
    public static String nir(String first13) {
        return first13 + fr.opaline.ins.matricule.MatriculeKey.of(first13);
    }

    public Instant at(LocalTime time) {
        return TODAY.atTime(time).atZone(CoreFixture.PARIS).toInstant();
    }

    public Booking book(Patient patient, Room room, ExamType exam, LocalTime time) {
        return core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(), at(time), "Dr Martin", null,
                null, null), actor);
    }

    private Room room(String code, String name, Modality modality) {
        Room room = new Room(core.ids.newId(), code, name, modality, "AE_" + code, code, true);
        db.database().inTransactionRun(ctx -> new CatalogueRepository(ctx).insertRoom(room));
        return room;
    }

    private ExamType exam(String code, String label, Modality modality, int minutes) {
        ExamType exam = new ExamType(core.ids.newId(), code, label, modality, "67734004", "segment thoracique du tronc",
                null, minutes, true);
        db.database().inTransactionRun(ctx -> new CatalogueRepository(ctx).insertExamType(exam));
        return exam;
    }

    private Patient withIdentity(Patient patient, IdentityStatus status, InsNumber ins, IdentityAttributes attributes) {
        return core.patients.update(patient.id(), p -> p.withIdentity(p.traits(), ins, status, attributes,
                status == IdentityStatus.QUALIFIEE ? "CNI" : null, ins == null ? null : core.clock.instant()),
                "test", core.secretary);
    }

    /** The desktop's services: this fixture's practice server (started at the first call), not signed in. */
    public DesktopServices services() {
        return new DesktopServices(api(), core.clock, "Cabinet de test", "serveur du cabinet (test)",
                new RecordFeatures(insiLookup != null, dmpConsent != null, dmpConsultation != null));
    }

    /**
     * Starts the sandbox DMP (SOAP over mutual TLS with a test PKI) and gives the practice server the
     * dmp module's consent, DICA and consultation; adds the radiologist {@code lambert} (RPPS). Call
     * before {@link #api()} (the journeys do, in {@code prepare}).
     */
    public DmpSandbox withDmp() throws Exception {
        SandboxPki pki = pki();
        dmpSandbox = new DmpSandbox(0, pki, null, core.clock, false);
        dmpSandbox.start();
        PracticeCredentials credentials = PracticeCredentials.of(pki.practiceKeyStore(),
                SandboxPki.PASSWORD.toCharArray(), pki.trustStore());
        PracticeCredentials signing = PracticeCredentials.of(pki.practiceSignatureKeyStore(),
                SandboxPki.PASSWORD.toCharArray(), null);
        VihfStructure structure = new VihfStructure(DMP_STRUCTURE, "SA08^1.2.250.1.71.4.2.4", "opaline-test", "Opaline",
                "0.1", "OPALINE-BAS");
        DmpClient client = dmpClient = new DmpClient(new DmpEndpoints(dmpSandbox.endpoint()),
                new HttpDmpTransport(credentials.clientContext(), Duration.ofSeconds(2), Duration.ofSeconds(10),
                        64L * 1024 * 1024),
                new VihfSigner(signing.key(), signing.certificate(), structure),
                new DmpClient.Source("1.2.3.4.5.8", "Opaline",
                        new ProvideAndRegisterRequest.Source("1.2.3.4.5", XdsVocabulary.CONTENT_TYPE_EXTERNAL_CARE)),
                core.clock);
        DmpChanges changes = new DmpChanges();
        ConsentGuard guard = new ConsentGuard(db.database(), core.clock);
        dmpConsent = new DmpConsentService(db.database(), core.audit, core.ids, core.clock, core.episodes, changes);
        DmpAuthorizations authorizations = new DmpAuthorizations(db.database(), client, core.audit, core.ids, core.clock);
        dica = new DicaService(db.database(), guard, changes, core.clock);
        dmpConsultation = new DmpConsultationService(db.database(), guard, client, authorizations, core.audit, changes,
                core.ids, core.clock, DMP_STRUCTURE);
        radiologist = core.user("lambert", Role.RADIOLOGUE, "99700000000");
        return dmpSandbox;
    }

    /** One test PKI per run: generating its RSA keys is the slow part. */
    private static synchronized SandboxPki pki() throws Exception {
        if (sharedPki == null) {
            sharedPki = DmpSandbox.pki(DMP_STRUCTURE);
        }
        return sharedPki;
    }

    /** Starts the sandbox INSi on loopback (SOAP over HTTP) and gives the practice server the ins module's récupération. */
    public InsiSandbox withInsi() throws IOException {
        insiSandbox = new InsiSandbox(0, SandboxIdentities.builtIn(), core.clock);
        insiSandbox.start();
        IdentityStatusService statuses = new IdentityStatusService(db.database(), core.patients, core.audit, core.ids,
                core.clock, new PracticeSettings(db.database()));
        InsiClient client = new InsiClient(InsiSettings.of(insiSandbox.endpoint(), Duration.ofSeconds(5)), core.clock);
        insiLookup = new InsiLookupService(client, db.database(), core.patients, statuses, core.audit, core.clock, null);
        return insiSandbox;
    }

    /** The COG referential of this fixture's database (empty until {@link #withCommunes()}). */
    public fr.opaline.ins.cog.CogService cog() {
        return new fr.opaline.ins.cog.CogService(db.database(), core.audit, core.ids, core.clock);
    }

    /** Loads the communes shipped with Opaline, as {@code opaline setup} does on a fresh database. */
    public DesktopFixture withCommunes() throws IOException {
        cog().ensureBundledCommunes(Actor.system("test-setup"));
        return this;
    }

    /** The desktop in demonstration mode (the picker signs the secretary in). */
    /**
     * The desktop as {@code opaline demo} opens it: through a practice server started here (the
     * API on loopback, a demonstration server so that the account picker works), so the journeys'
     * sign-in, agenda, booking, patient search and record go through the API.
     */
    public DesktopContext context() {
        fr.opaline.api.client.ApiClient client = api();
        return new DesktopContext("9.9.9-test", services(), AuthenticationPort.none(),
                new DemoSignIn(client), Locale.FRENCH, Duration.ofMinutes(10),
                Duration.ofSeconds(1));
    }

    /** What the practice server's configuration says of the external services (Administration screen). */
    public java.util.function.Supplier<fr.opaline.server.admin.ServerConfiguration> serverConfiguration =
            () -> fr.opaline.server.admin.ServerConfiguration.none(java.time.Clock.system(CoreFixture.PARIS));

    /** The client of this fixture's practice server, signed in as that user (demonstration picker). */
    public fr.opaline.api.client.ApiClient signedInClient(UserAccount user) {
        fr.opaline.api.client.ApiClient client = api();
        client.api(fr.opaline.api.SessionApi.class).signInDemo(user.id());
        return client;
    }

    private fr.opaline.server.ApiServer apiServer;
    private fr.opaline.api.client.ApiClient apiClient;
    private fr.opaline.server.PracticeApi.Endpoints areas = fr.opaline.server.PracticeApi.Endpoints.NONE;
    private Duration serverIdleLock = Duration.ofMinutes(10);

    /** The server's idle lock of sessions (before the first {@link #api()}); the desktop's {@code idleLock} should match. */
    public synchronized void serverIdleLock(Duration idle) {
        if (apiClient != null) {
            throw new IllegalStateException("the fixture's server is already started");
        }
        this.serverIdleLock = idle;
    }

    /**
     * Further areas the fixture's server serves (before the first {@link #api()}); the feeding
     * queue is always served, over the fixture's outbox.
     */
    public synchronized void serve(fr.opaline.server.PracticeApi.Endpoints more) {
        if (apiClient != null) {
            throw new IllegalStateException("the fixture's server is already started");
        }
        this.areas = more;
    }

    private java.util.Map<Class<?>, Object> areas(fr.opaline.server.EventHub events) {
        java.util.Map<Class<?>, Object> all = new java.util.HashMap<>(ServerAreas.of(this, events));
        all.putAll(fr.opaline.server.record.RecordEndpoints.of(db.database(), core.audit, core.clock, core.patients,
                new IdentityStatusService(db.database(), core.patients, core.audit, core.ids, core.clock,
                        new PracticeSettings(db.database())), insiLookup,
                dmpConsent, dica, dmpConsultation, dmpConsent == null ? null
                        : new fr.opaline.dmp.feeding.DmpFeedingService(db.database(), core.outbox, core.audit,
                        core.clock, dmpFeeding), true).build(events));
        all.putAll(areas.build(events));
        all.putAll(apiAreas.build(events));
        all.put(fr.opaline.api.CommuneApi.class, new fr.opaline.server.CommuneEndpoint(cog()));
        all.putIfAbsent(fr.opaline.api.QueueApi.class, new fr.opaline.server.QueueEndpoint(db.database(), core.outbox,
                events, core.clock));
        return all;
    }

    /** How the fixture's server checks a Pro Santé Connect sign-in (a proxy e-santé's sessions); set before {@link #api()}. */
    public fr.opaline.server.PscSessions pscSessions;

    /** The DMP feeding settings of the server's feeding controls (issue 23), with {@link #withDmp()}. */
    public fr.opaline.dmp.feeding.DmpFeedingSettings dmpFeeding = fr.opaline.dmp.feeding.DmpFeedingSettings.DEFAULT;

    /** Areas the fixture's server offers beyond sign-in, agenda and patients; set before {@link #api()}. */
    public fr.opaline.server.PracticeApi.Endpoints apiAreas = fr.opaline.server.PracticeApi.Endpoints.NONE;

    /** The client of this fixture's practice server, started at the first call. */
    public synchronized fr.opaline.api.client.ApiClient api() {
        if (apiClient == null) {
            fr.opaline.core.testing.AccountsFixture accounts = new fr.opaline.core.testing.AccountsFixture(core);
            fr.opaline.server.PracticeApi practice = fr.opaline.server.PracticeApi.over(db.database(), core.clock,
                    accounts.authentication, core.patients, core.booking, serverIdleLock, Duration.ofHours(12),
                    new fr.opaline.server.PracticeApi.SignInOptions(pscSessions, core.audit), this::areas);
            try {
                apiServer = new fr.opaline.server.ApiServer(fr.opaline.platform.http.HttpSettings.defaults("API test",
                        new java.net.InetSocketAddress("127.0.0.1", 0)),
                        fr.opaline.platform.tls.TlsIdentity.create("serveur test", java.util.List.of("127.0.0.1"),
                                fr.opaline.platform.tls.TlsIdentity.Usage.SERVER, Duration.ofDays(1)),
                        practice, "test").start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            apiClient = fr.opaline.api.client.ApiClient.connect(apiServer.uri(), apiServer.fingerprint(),
                    fr.opaline.platform.tls.TlsIdentity.create("poste test", java.util.List.of(),
                            fr.opaline.platform.tls.TlsIdentity.Usage.CLIENT, Duration.ofDays(1)),
                    Duration.ofSeconds(30));
        }
        return apiClient;
    }

    /** The desktop's services through this fixture's server, signed in as {@code user} (demonstration picker). */
    public DesktopServices signedIn(UserAccount user) {
        api().api(fr.opaline.api.SessionApi.class).signInDemo(user.id());
        return services();
    }

    @Override
    public void close() throws Exception {
        if (apiServer != null) {
            apiClient.close();
            apiServer.close();
        }
        if (dmpSandbox != null) {
            dmpSandbox.stop(Duration.ZERO);
        }
        if (insiSandbox != null) {
            insiSandbox.stop(Duration.ZERO);
        }
        db.close();
    }
}
