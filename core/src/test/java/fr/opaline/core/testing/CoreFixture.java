package fr.opaline.core.testing;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.episode.CareEpisodeService;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.RetryPolicy;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.scheduling.BookingService;
import fr.opaline.core.uid.UidGenerator;
import fr.opaline.core.uid.UidRoot;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The core services wired on a test database with a controllable clock, plus small builders
 * for rooms, exams, users and patients. Other modules' tests reuse it (core test-jar).
 */
public final class CoreFixture {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final String UID_ROOT = "1.2.3.4.5";

    public final Database database;
    public final MutableClock clock;
    public final IdGenerator ids;
    public final AuditTrail audit;
    public final PatientService patients;
    public final CareEpisodeService episodes;
    public final UidGenerator uids;
    public final BookingService booking;
    /** En cours / réalisé, as the technologist marks them. */
    public final fr.opaline.core.order.ExamProgressService progress;
    public final Outbox outbox;
    public final Actor secretary = Actor.system("test-secretary");

    public CoreFixture(Database database) {
        this(database, new MutableClock(Instant.parse("2026-03-02T08:00:00Z"), PARIS));
    }

    public CoreFixture(Database database, MutableClock clock) {
        this.database = database;
        this.clock = clock;
        this.ids = IdGenerator.timeOrdered(clock);
        this.audit = new AuditTrail(database, clock);
        this.patients = new PatientService(database, audit, ids, clock, UID_ROOT + ".9");
        this.episodes = new CareEpisodeService(database, audit, ids, clock);
        this.uids = new UidGenerator(new UidRoot(UID_ROOT));
        this.booking = new BookingService(database, audit, ids, clock, uids, episodes);
        this.progress = new fr.opaline.core.order.ExamProgressService(database, audit, clock);
        this.outbox = new Outbox(database, audit, ids, clock,
                new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(10), 0));
    }

    public Room room(String code, Modality modality) {
        Room room = new Room(ids.newId(), code, "Salle " + code, modality, "AE_" + code, code, true);
        database.inTransactionRun(ctx -> new CatalogueRepository(ctx).insertRoom(room));
        return room;
    }

    public ExamType exam(String code, Modality modality, int minutes) {
        ExamType exam = new ExamType(ids.newId(), code, "Examen " + code, modality, "67734004",
                "segment thoracique du tronc", null, minutes, true);
        database.inTransactionRun(ctx -> new CatalogueRepository(ctx).insertExamType(exam));
        return exam;
    }

    public UserAccount user(String login, Role role, String rpps) {
        UserAccount user = new UserAccount(ids.newId(), login, login, role, rpps, role == Role.RADIOLOGUE ? "10" : null,
                null, true, clock.instant());
        database.inTransactionRun(ctx -> new UserRepository(ctx).insert(user));
        return user;
    }

    public Patient patient(String birthName, String firstNames, LocalDate birthDate, Sex sex) {
        return patients.create(NewPatient.of(IdentityTraits.of(birthName, firstNames, birthDate, sex, "75056")),
                secretary);
    }
}
