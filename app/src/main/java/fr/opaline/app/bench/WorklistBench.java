package fr.opaline.app.bench;

import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.seed.Seeder;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.MutableClock;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DicomCharset;
import fr.opaline.worklist.data.DumpWriter;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.Vr;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.dimse.DimseClient;
import fr.opaline.worklist.mwl.DicomDates;
import fr.opaline.worklist.mwl.ResponseBuilder;
import fr.opaline.worklist.mwl.WorklistDataset;
import fr.opaline.worklist.mwl.WorklistFilter;
import fr.opaline.worklist.mwl.WorklistItem;
import fr.opaline.worklist.mwl.WorklistRepository;
import fr.opaline.worklist.net.Requestor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worklist benchmark: seeds scheduled steps through core's booking service (a fictitious
 * practice, same seed → same data), derives a reproducible mix of modality-like C-FIND queries
 * from them, and times each query as a modality lives it — connect, associate, C-FIND,
 * release — from several clients at once.
 */
public final class WorklistBench {

    public static final String CALLING_AE = "OPL_BENCH";

    /** What to seed and how to query. */
    public record Plan(int items, int queries, int clients, int warmup, long seed, LocalDate start) {
        public Plan {
            if (items < 1 || queries < 1 || clients < 1 || warmup < 0) {
                throw new IllegalArgumentException("--items, --queries et --clients doivent être au moins 1");
            }
        }
    }

    /** Latencies in milliseconds, throughput in queries per second. */
    public record Result(int queries, int clients, long matches, int failures, double p50, double p95, double p99,
                         double max, double perSecond) {
    }

    private static final ZoneId PARIS = CoreServices.PRACTICE_ZONE;
    private static final LocalTime OPENING = LocalTime.of(8, 0);
    private static final LocalTime CLOSING = LocalTime.of(19, 0);

    private WorklistBench() {
    }

    /**
     * Seeds {@code plan.items()} scheduled steps in an empty database: Opaline's fictitious
     * practice (one patient for three steps), then bookings room by room, day after day.
     */
    public static void seed(OpalineConfig config, Database database, Plan plan) {
        if (new PatientRepository(database.dsl()).count() > 0) {
            throw new IllegalArgumentException("La base du banc d'essai doit être vide (elle reçoit "
                    + plan.items() + " examens fictifs) : utilisez une base jetable.");
        }
        new Seeder(config, database).seed(new Seeder.Plan(Math.max(50, plan.items() / 3), 0, plan.seed(), plan.start()),
                done -> { });
        Random random = new Random(plan.seed() + 1);
        MutableClock clock = new MutableClock(plan.start().atTime(7, 0).atZone(PARIS).toInstant(), PARIS);
        CoreServices core = CoreServices.over(config, database, clock, IdGenerator.seeded(plan.seed() + 2, clock));
        List<UUID> patients = database.dsl().select(PATIENT.ID)
                .from(PATIENT)
                .orderBy(PATIENT.IPP)
                .fetch(PATIENT.ID);
        CatalogueRepository catalogue = new CatalogueRepository(database.dsl());
        List<Room> rooms = catalogue.rooms();
        List<ExamType> exams = catalogue.examTypes();
        Actor actor = Actor.system("bench");
        int booked = 0;
        for (LocalDate day = plan.start(); booked < plan.items(); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            clock.set(day.atTime(7, 0).atZone(PARIS).toInstant());
            List<BookingRequest> requests = new ArrayList<>();
            for (Room room : rooms) {
                List<ExamType> roomExams = exams.stream().filter(e -> e.modality() == room.modality()).toList();
                LocalTime time = OPENING;
                while (booked + requests.size() < plan.items()) {
                    ExamType exam = roomExams.get(random.nextInt(roomExams.size()));
                    if (time.plusMinutes(exam.durationMinutes()).isAfter(CLOSING)) {
                        break;
                    }
                    requests.add(new BookingRequest(patients.get(random.nextInt(patients.size())), room.id(), exam.id(),
                            day.atTime(time).atZone(PARIS).toInstant(), "Dr Hélène Duclos", null, null, null));
                    time = time.plusMinutes(exam.durationMinutes());
                }
            }
            database.inTransactionRun(ctx -> requests.forEach(r -> core.booking.book(ctx, r, actor)));
            booked += requests.size();
        }
    }

    /** The worklist as the SCP serves it, in scheduled order. */
    public static List<WorklistItem> worklist(Database database) {
        List<WorklistItem> items = new ArrayList<>();
        new WorklistRepository(database, PARIS).forEach(WorklistFilter.everything(), items::add);
        return items;
    }

    /**
     * Queries as modalities and front desks send them: a station's list for one day (half),
     * a patient name prefix, an accession number, a modality over three days.
     */
    public static List<Attributes> queries(List<WorklistItem> worklist, int count, long seed) {
        Random random = new Random(seed + 3);
        List<Attributes> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            WorklistItem item = worklist.get(random.nextInt(worklist.size()));
            LocalDate day = item.step().start().atZone(PARIS).toLocalDate();
            Attributes query = returnKeys();
            Attributes sps = query.getSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).get(0);
            int kind = random.nextInt(20);
            if (kind < 10) {
                sps.setString(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, item.step().stationAeTitle());
                sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, DicomDates.DA.format(day));
            } else if (kind < 14) {
                String name = item.patient().birthName();
                query.setString(Tags.PATIENT_NAME, Vr.PN, name.substring(0, Math.min(4, name.length())) + "*");
            } else if (kind < 17) {
                query.setString(Tags.ACCESSION_NUMBER, Vr.SH, item.request().accessionNumber());
            } else {
                sps.setString(Tags.MODALITY, Vr.CS, item.step().modality().name());
                sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA,
                        DicomDates.DA.format(day.minusDays(1)) + "-" + DicomDates.DA.format(day.plusDays(1)));
            }
            queries.add(query);
        }
        return queries;
    }

    /** The return keys of a typical modality query. */
    private static Attributes returnKeys() {
        Attributes q = new Attributes();
        for (int tag : new int[] {Tags.PATIENT_NAME, Tags.REFERRING_PHYSICIAN_NAME}) {
            q.setString(tag, Vr.PN, "");
        }
        for (int tag : new int[] {Tags.PATIENT_ID, Tags.ISSUER_OF_PATIENT_ID, Tags.REQUESTED_PROCEDURE_DESCRIPTION}) {
            q.setString(tag, Vr.LO, "");
        }
        q.setString(Tags.ACCESSION_NUMBER, Vr.SH, "");
        q.setString(Tags.REQUESTED_PROCEDURE_ID, Vr.SH, "");
        q.setString(Tags.PATIENT_BIRTH_DATE, Vr.DA, "");
        q.setString(Tags.PATIENT_SEX, Vr.CS, "");
        q.setString(Tags.STUDY_INSTANCE_UID, Vr.UI, "");
        q.newSequence(Tags.OTHER_PATIENT_IDS_SEQUENCE);
        Attributes sps = new Attributes();
        sps.setString(Tags.MODALITY, Vr.CS, "");
        sps.setString(Tags.SCHEDULED_STATION_AE_TITLE, Vr.AE, "");
        sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE, Vr.DA, "");
        sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_START_TIME, Vr.TM, "");
        sps.setString(Tags.SCHEDULED_PERFORMING_PHYSICIAN_NAME, Vr.PN, "");
        sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_DESCRIPTION, Vr.LO, "");
        sps.setString(Tags.SCHEDULED_PROCEDURE_STEP_ID, Vr.SH, "");
        q.newSequence(Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE).add(sps);
        return q;
    }

    /**
     * Writes the worklist as dump2dcm text, one file an item in {@code dir/<calledAe>/} (the
     * layout DCMTK's wlmscpfs reads once converted to .wl), and the queries in {@code dir/queries/}.
     */
    public static void export(List<WorklistItem> worklist, List<Attributes> queries, String institution, String calledAe,
                              Path dir) throws IOException {
        Path items = Files.createDirectories(dir.resolve(calledAe));
        Files.write(items.resolve("lockfile"), new byte[0]);
        WorklistDataset datasets = new WorklistDataset(PARIS, institution);
        for (WorklistItem item : worklist) {
            Attributes full = ResponseBuilder.inCharset(datasets.of(item), DicomCharset.ISO_IR_100);
            Files.write(items.resolve(item.step().stepId() + ".dump"), DumpWriter.write(full));
        }
        Path queryDir = Files.createDirectories(dir.resolve("queries"));
        for (int i = 0; i < queries.size(); i++) {
            Files.write(queryDir.resolve(String.format("q%05d.dump", i + 1)), DumpWriter.write(queries.get(i)));
        }
    }

    /** Runs the queries against an SCP, {@code clients} at a time, after {@code warmup} untimed ones. */
    public static Result run(String host, int port, String calledAe, List<Attributes> queries, int clients, int warmup)
            throws Exception {
        Requestor.Options options = new Requestor.Options(CALLING_AE, calledAe,
                DimseClient.propose(Dimse.MODALITY_WORKLIST_FIND), 16384, Duration.ofSeconds(30));
        for (int i = 0; i < warmup; i++) {
            query(host, port, options, queries.get(i % queries.size()));
        }
        long[] nanos = new long[queries.size()];
        long[] matches = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        matches[i] = query(host, port, options, queries.get(i));
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(nanos);
        int n = nanos.length;
        return new Result(n, clients, Arrays.stream(matches).sum(), failures.get(), nanos[n / 2] / 1e6,
                nanos[Math.min(n - 1, (int) (n * 0.95))] / 1e6, nanos[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
                nanos[n - 1] / 1e6, n / seconds);
    }

    private static long query(String host, int port, Requestor.Options options, Attributes query) throws IOException {
        try (DimseClient client = DimseClient.connect(host, port, options)) {
            DimseClient.FindResult result = client.find(Dimse.MODALITY_WORKLIST_FIND, query);
            if (result.finalStatus() != Dimse.SUCCESS) {
                throw new IOException(String.format("statut final 0x%04X", result.finalStatus()));
            }
            return result.matches().size();
        }
    }
}
