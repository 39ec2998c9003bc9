package fr.opaline.app.seed;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.uid.SequenceCounters;
import fr.opaline.core.uid.UidRoot;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.ins.matricule.MatriculeKey;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Fills an empty database with a fictitious practice: users, rooms, exam catalogue, patients
 * with test INS (OID 1.2.250.1.213.1.4.10) and a realistic agenda over a number of days.
 * Same seed and same start date → the same data, ids and timestamps included.
 */
public final class Seeder {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int PATIENT_BATCH = 2_000;
    private static final LocalTime DAY_START = LocalTime.of(8, 0);
    private static final LocalTime LUNCH_START = LocalTime.of(12, 30);
    private static final LocalTime LUNCH_END = LocalTime.of(13, 30);
    private static final LocalTime DAY_END = LocalTime.of(19, 0);

    /** What to generate. */
    public record Plan(int patients, int days, long seed, LocalDate start) {
        public Plan {
            if (patients < 1) {
                throw new IllegalArgumentException("--patients doit être au moins 1");
            }
            if (days < 0) {
                throw new IllegalArgumentException("--days ne peut pas être négatif");
            }
        }
    }

    /** What was generated. */
    public record Result(int patients, int appointments, int users, Duration elapsed) {
    }

    private final OpalineConfig config;
    private final Database database;

    public Seeder(OpalineConfig config, Database database) {
        this.config = config;
        this.database = database;
    }

    public Result seed(Plan plan, IntConsumer patientProgress) {
        long started = System.nanoTime();
        if (new PatientRepository(database.dsl()).count() > 0) {
            throw new BusinessRuleException("La base contient déjà des patients : le jeu de données fictif ne se génère "
                    + "que dans une base vide (voir « opaline db restore » ou une nouvelle base).");
        }
        Random random = new Random(plan.seed());
        MutableClock clock = new MutableClock(plan.start().atTime(7, 0).atZone(PARIS).toInstant(), PARIS);
        IdGenerator ids = IdGenerator.seeded(random.nextLong(), clock);
        Actor seedActor = Actor.system("seed");

        database.inTransactionRun(ctx -> {
            PracticeSettings.put(ctx, PracticeSettings.UID_ROOT, UidRoot.fromUuid(new UUID(random.nextLong(), random.nextLong())).value());
            PracticeSettings.put(ctx, PracticeSettings.NAME, "Centre d'imagerie des Tilleuls (fictif)");
            PracticeSettings.put(ctx, PracticeSettings.ADDRESS, "12 allée des Tilleuls");
            PracticeSettings.put(ctx, PracticeSettings.POSTAL_CODE, "69003");
            PracticeSettings.put(ctx, PracticeSettings.CITY, "Lyon");
            PracticeSettings.put(ctx, PracticeSettings.FINESS, "690000013"); // fictitious, valid Luhn key
        });
        CoreServices core = CoreServices.over(config, database, clock, ids);

        int users = seedUsers(ids, clock);
        List<Room> rooms = new ArrayList<>();
        List<ExamType> exams = new ArrayList<>();
        database.inTransactionRun(ctx -> {
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            for (SeedCatalogue.RoomSpec spec : SeedCatalogue.ROOMS) {
                Room room = new Room(ids.newId(), spec.code(), spec.name(), spec.modality(), spec.aeTitle(), spec.code(), true);
                catalogue.insertRoom(room);
                rooms.add(room);
            }
            for (SeedCatalogue.ExamSpec spec : SeedCatalogue.EXAMS) {
                ExamType exam = new ExamType(ids.newId(), spec.code(), spec.label(), spec.modality(), spec.regionCode(),
                        spec.regionLabel(), null, spec.minutes(), true);
                catalogue.insertExamType(exam);
                exams.add(exam);
            }
        });

        List<UUID> patientIds = seedPatients(plan, random, ids, clock, core.profile.ippIssuerOid(), patientProgress);
        int appointments = seedAgenda(plan, random, core, rooms, exams, patientIds, clock, seedActor);
        core.audit.record(AuditEntry.of(seedActor, AuditAction.DATA_SEEDED, null).withDetail(
                "graine " + plan.seed() + ", " + plan.patients() + " patients, " + appointments + " rendez-vous à partir du "
                        + plan.start()));
        return new Result(patientIds.size(), appointments, users, Duration.ofNanos(System.nanoTime() - started));
    }

    private int seedUsers(IdGenerator ids, MutableClock clock) {
        List<UserAccount> users = List.of(
                new UserAccount(ids.newId(), "secretariat", "Mme Nadia Ferrand", Role.SECRETAIRE, null, null, null, true, clock.instant()),
                new UserAccount(ids.newId(), "accueil2", "M. Yanis Perrot", Role.SECRETAIRE, null, null, null, true, clock.instant()),
                new UserAccount(ids.newId(), "manip", "Mme Laure Vidal", Role.MANIPULATEUR, null, "80", null, true, clock.instant()),
                new UserAccount(ids.newId(), "dr.lambert", "Dr Claire Lambert", Role.RADIOLOGUE, "99700000000", "10", "SM44", true, clock.instant()),
                new UserAccount(ids.newId(), "dr.okafor", "Dr Samuel Okafor", Role.RADIOLOGUE, "99700000001", "10", "SM44", true, clock.instant()),
                new UserAccount(ids.newId(), "dr.lefevre", "Dr Hélène Lefèvre", Role.RADIOLOGUE, "99700000002", "10", "SM44", true, clock.instant()),
                new UserAccount(ids.newId(), "admin", "Administrateur du cabinet", Role.ADMINISTRATEUR, null, null, null, true, clock.instant()));
        database.inTransactionRun(ctx -> {
            UserRepository repository = new UserRepository(ctx);
            users.forEach(repository::insert);
        });
        return users.size();
    }

    private List<UUID> seedPatients(Plan plan, Random random, IdGenerator ids, MutableClock clock, String ippIssuer,
                                    IntConsumer progress) {
        List<UUID> patientIds = new ArrayList<>(plan.patients());
        int done = 0;
        while (done < plan.patients()) {
            int size = Math.min(PATIENT_BATCH, plan.patients() - done);
            List<Patient> batch = new ArrayList<>(size);
            long firstIpp = database.inTransaction(ctx -> SequenceCounters.nextBlock(ctx, "ipp", size));
            for (int i = 0; i < size; i++) {
                Patient patient = patient(random, ids, clock, ippIssuer, Long.toString(1_000_000 + firstIpp + i), plan.start());
                batch.add(patient);
                patientIds.add(patient.id());
            }
            database.inTransactionRun(ctx -> new PatientRepository(ctx).insertAll(batch));
            done += size;
            progress.accept(done);
        }
        return patientIds;
    }

    private Patient patient(Random random, IdGenerator ids, MutableClock clock, String ippIssuer, String ipp, LocalDate today) {
        Sex sex = random.nextBoolean() ? Sex.F : Sex.M;
        List<String> firstNamePool = sex == Sex.F ? FrenchNames.FEMALE_FIRST_NAMES : FrenchNames.MALE_FIRST_NAMES;
        String surname = pick(random, FrenchNames.SURNAMES);
        Set<String> firstNames = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (firstNames.size() < count) {
            firstNames.add(pick(random, firstNamePool));
        }
        LocalDate birthDate = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 94));
        if (birthDate.isAfter(today)) {
            birthDate = today.minusYears(1);
        }
        double statusDraw = random.nextDouble();
        IdentityStatus status = statusDraw < 0.55 ? IdentityStatus.QUALIFIEE
                : statusDraw < 0.70 ? IdentityStatus.RECUPEREE
                : statusDraw < 0.80 ? IdentityStatus.VALIDEE : IdentityStatus.PROVISOIRE;
        String birthplace = pick(random, FrenchNames.BIRTHPLACES);
        if (status == IdentityStatus.PROVISOIRE) {
            double place = random.nextDouble();
            birthplace = place < 0.10 ? null : place < 0.13 ? "99999" : birthplace;
        }
        String birthName = insTrait(surname);
        List<String> traitFirstNames = firstNames.stream().map(Seeder::insTrait).toList();
        IdentityTraits traits = new IdentityTraits(birthName, String.join(" ", traitFirstNames), traitFirstNames.get(0),
                birthDate, sex, birthplace);
        String usedName = sex == Sex.F && birthDate.isBefore(today.minusYears(25)) && random.nextDouble() < 0.35
                ? pick(random, FrenchNames.SURNAMES) : surname;
        String usedFirstName = firstNames.iterator().next();

        InsNumber ins = null;
        Instant verifiedAt = null;
        if (status.hasIns()) {
            ins = new InsNumber(nir(random, sex, birthDate, birthplace), InsNumber.OID_TEST_NIR);
            verifiedAt = clock.instant().minus(Duration.ofDays(random.nextInt(3 * 365)));
        }
        String evidence = status == IdentityStatus.VALIDEE || status == IdentityStatus.QUALIFIEE
                ? pick(random, List.of("CNI", "CNI", "PASSEPORT", "TITRE_SEJOUR")) : null;
        boolean provisional = status == IdentityStatus.PROVISOIRE;
        IdentityAttributes attributes = new IdentityAttributes(provisional && random.nextDouble() < 0.05,
                provisional && random.nextDouble() < 0.02, random.nextDouble() < 0.01);
        FrenchNames.Place home = pick(random, FrenchNames.LIVING_PLACES);
        ContactDetails contact = new ContactDetails(
                String.format("06 %02d %02d %02d %02d", random.nextInt(100), random.nextInt(100), random.nextInt(100),
                        random.nextInt(100)),
                random.nextDouble() < 0.6 ? mailbox(usedFirstName, usedName, random) : null,
                (1 + random.nextInt(120)) + " " + pick(random, FrenchNames.STREETS), home.postalCode(), home.city());
        Instant created = clock.instant().minus(Duration.ofDays(random.nextInt(4 * 365)));
        return new Patient(ids.newId(), ipp, ippIssuer, traits, usedName, usedFirstName, ins, status, attributes, evidence,
                verifiedAt, contact, created, created, 0);
    }

    /** A test NIR consistent with the traits: sex, year and month of birth, birthplace, random order number. */
    static String nir(Random random, Sex sex, LocalDate birthDate, String birthplace) {
        String place = birthplace == null || birthplace.equals("99999") ? "99100" : birthplace;
        String first13 = (sex == Sex.F ? "2" : "1")
                + String.format("%02d%02d", birthDate.getYear() % 100, birthDate.getMonthValue())
                + place
                + String.format("%03d", 1 + random.nextInt(999));
        return first13 + MatriculeKey.of(first13);
    }

    private int seedAgenda(Plan plan, Random random, CoreServices core, List<Room> rooms, List<ExamType> exams,
                           List<UUID> patients, MutableClock clock, Actor actor) {
        int booked = 0;
        for (int d = 0; d < plan.days(); d++) {
            LocalDate day = plan.start().plusDays(d);
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            clock.set(day.atTime(7, 0).atZone(PARIS).toInstant());
            LocalTime closing = day.getDayOfWeek() == DayOfWeek.SATURDAY ? LocalTime.of(12, 30) : DAY_END;
            List<BookingRequest> requests = new ArrayList<>();
            for (Room room : rooms) {
                List<ExamType> roomExams = exams.stream().filter(e -> e.modality() == room.modality()).toList();
                LocalTime time = DAY_START;
                while (true) {
                    if (!time.isBefore(LUNCH_START) && time.isBefore(LUNCH_END)) {
                        time = LUNCH_END;
                    }
                    ExamType exam = pick(random, roomExams);
                    LocalTime end = time.plusMinutes(exam.durationMinutes());
                    if (end.isAfter(closing) || end.isBefore(time)) {
                        break;
                    }
                    if (random.nextDouble() < 0.85 && !(time.isBefore(LUNCH_START) && end.isAfter(LUNCH_START))) {
                        UUID patient = patients.get(random.nextInt(patients.size()));
                        String referrer = pick(random, FrenchNames.REFERRING_PHYSICIANS);
                        String rpps = String.format("9970001%04d", FrenchNames.REFERRING_PHYSICIANS.indexOf(referrer));
                        requests.add(new BookingRequest(patient, room.id(), exam.id(), day.atTime(time).atZone(PARIS).toInstant(),
                                referrer, rpps, pick(random, SeedCatalogue.INDICATIONS.get(room.modality())), null));
                        time = end;
                    } else {
                        time = time.plusMinutes(15);
                    }
                }
            }
            database.inTransactionRun(ctx -> requests.forEach(r -> core.booking.book(ctx, r, actor)));
            booked += requests.size();
        }
        return booked;
    }

    /** INS trait spelling: upper case, no diacritics; letters, space, hyphen and apostrophe kept. */
    static String insTrait(String name) {
        String spelled = name.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
        String stripped = Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toUpperCase(Locale.ROOT);
    }

    private static String mailbox(String first, String last, Random random) {
        String local = (insTrait(first) + "." + insTrait(last)).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "");
        return local + random.nextInt(100) + "@exemple.fr";
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
