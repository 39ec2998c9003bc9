package fr.opaline.app.cli;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.PatientApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.seed.Seeder;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.ApiLauncher;
import fr.opaline.app.wiring.ApiWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.core.persistence.generated.Tables;
import fr.opaline.core.scheduling.AgendaQuery;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "api", description = {
        "API du serveur du cabinet sur la boucle locale (HTTPS, certificat client, session) : génère un cabinet",
        "fictif dans une base H2 en mémoire (--patients), un jour de --appointments rendez-vous, puis mesure la",
        "recherche de patients par début de nom et le chargement de l'agenda du jour (p50/p95/p99)."})
final class BenchApiCommand extends Subcommand implements Callable<Integer> {

    private static final ZoneId PARIS = CoreServices.PRACTICE_ZONE;
    private static final String PASSWORD = "Banc-Essai-Mesure-2026!";

    @Option(names = "--patients", defaultValue = "100000", description = "Patients fictifs (défaut : ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--appointments", defaultValue = "200", description = "Rendez-vous du jour mesuré (défaut : ${DEFAULT-VALUE}).")
    int appointments;

    @Option(names = "--queries", defaultValue = "2000", description = "Requêtes mesurées par cas (défaut : ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "300", description = "Requêtes d'échauffement (défaut : ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (patients < 1 || appointments < 1 || queries < 10 || warmup < 0) {
            err().println("Erreur : --patients, --appointments ≥ 1, --queries ≥ 10.");
            return 2;
        }
        Path home = Files.createTempDirectory("opaline-bench-api");
        OpalineConfig config = OpalineConfig.of(home, java.util.Map.of("ui.idleLock", "PT1H"));
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:benchapi" + UUID.randomUUID().toString()
                .replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "", 16);
        LocalDate day = LocalDate.of(2026, 3, 2);
        try (Database database = Database.openAndMigrate(settings)) {
            err().printf("Génération de %d patients…%n", patients);
            err().flush();
            new Seeder(config, database).seed(new Seeder.Plan(patients, 1, 7, day.minusDays(7)), done -> { });
            CoreServices core = CoreServices.over(config, database, Clock.system(PARIS), IdGenerator.timeOrdered(Clock.systemUTC()));
            List<UUID> rooms = fillDay(core, day, appointments);
            AccountsWiring accounts = new AccountsWiring(core);
            accounts.administration.create(Actor.system("bench"), new NewAccount("banc.essai", "Banc d'essai",
                    Role.SECRETAIRE, null, null, null), "Provisoire-0000-x".toCharArray());
            accounts.authentication.changePassword("banc.essai", "Provisoire-0000-x".toCharArray(), PASSWORD.toCharArray(),
                    null);
            List<String> names = database.dsl().selectDistinct(Tables.PATIENT.SEARCH_BIRTH_NAME).from(Tables.PATIENT)
                    .limit(5000).fetch(Tables.PATIENT.SEARCH_BIRTH_NAME);

            ApiLauncher server = ApiLauncher.inProcess(core, false, null);
            server.start();
            try (ApiClient client = ApiWiring.connect(config, server.uri(), server.fingerprint())) {
                client.api(SessionApi.class).signIn("banc.essai", PASSWORD.toCharArray(), null);
                PatientApi patientApi = client.api(PatientApi.class);
                AgendaApi agendaApi = client.api(AgendaApi.class);
                // The same calls on the services in this process, without HTTP: what the API layer adds.
                Actor direct = Actor.system("bench");
                Instant from = day.atStartOfDay(PARIS).toInstant();
                Instant to = day.plusDays(1).atStartOfDay(PARIS).toInstant();
                int shown = agendaApi.agenda(rooms, from, to).size();
                long[] found = new long[1];
                Random random = new Random(42);
                Supplier<Object> searchCall = () -> {
                    String name = names.get(random.nextInt(names.size()));
                    String prefix = name.substring(0, Math.min(name.length(), 3 + random.nextInt(3)));
                    found[0] += patientApi.search(PatientQuery.byName(prefix)).size();
                    return null;
                };
                Supplier<Object> agendaCall = () -> agendaApi.agenda(rooms, from, to);
                Random again = new Random(42);
                Supplier<Object> searchDirectCall = () -> {
                    String name = names.get(again.nextInt(names.size()));
                    return core.patients.search(PatientQuery.byName(name.substring(0, Math.min(name.length(),
                            3 + again.nextInt(3)))), direct);
                };
                Supplier<Object> agendaDirectCall = () -> new AgendaQuery(database.dsl()).between(rooms, from, to);
                // Every case warmed before any is measured, and each measured after a collection: the
                // first case measured no longer pays for the seed's garbage and the others' cold code.
                for (Supplier<Object> call : List.of(searchCall, agendaCall, searchDirectCall, agendaDirectCall)) {
                    for (int i = 0; i < warmup; i++) {
                        call.get();
                    }
                }
                long[] search = measure(searchCall);
                long[] agenda = measure(agendaCall);
                long[] searchDirect = measure(searchDirectCall);
                long[] agendaDirect = measure(agendaDirectCall);
                out().printf("API sur la boucle locale (HTTPS, certificat client, session), %d patients :%n",
                        new fr.opaline.core.patient.PatientRepository(database.dsl()).count());
                print("  recherche par début de nom (50 max)", search);
                print("  agenda d'un jour (" + shown + " rendez-vous, " + rooms.size() + " salles)", agenda);
                print("  même recherche sans HTTP (service tracé)", searchDirect);
                print("  même agenda sans HTTP", agendaDirect);
                out().printf("  (%d résultats de recherche au total ; tas maximal %d Mio ; charge de la machine : %.1f)%n",
                        found[0], Runtime.getRuntime().maxMemory() >> 20,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            } finally {
                server.stop(Duration.ofSeconds(1));
            }
        } finally {
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** Books the day up to {@code count} appointments (the seeded ones, then rooms added for the bench). */
    private List<UUID> fillDay(CoreServices core, LocalDate day, int count) {
        Instant from = day.atStartOfDay(PARIS).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(PARIS).toInstant();
        List<Room> rooms = new ArrayList<>(new CatalogueRepository(core.database.dsl()).rooms());
        List<ExamType> exams = new CatalogueRepository(core.database.dsl()).examTypes();
        List<UUID> roomIds = new ArrayList<>(rooms.stream().map(Room::id).toList());
        int present = new AgendaQuery(core.database.dsl()).between(roomIds, from, to).size();
        List<UUID> patientIds = core.database.dsl().select(Tables.PATIENT.ID).from(Tables.PATIENT).limit(count)
                .fetch(Tables.PATIENT.ID);
        ExamType exam = exams.get(0);
        Actor bench = Actor.system("bench");
        int room = 0;
        while (present < count) {
            Room extra = new Room(core.ids.newId(), "BN" + room, "Salle banc " + room, exam.modality(), "BENCH" + room,
                    "BN" + room, true);
            core.database.inTransactionRun(ctx -> new CatalogueRepository(ctx).insertRoom(extra));
            roomIds.add(extra.id());
            LocalTime time = LocalTime.of(7, 0);
            while (present < count && time.plusMinutes(exam.durationMinutes()).isBefore(LocalTime.of(21, 0))) {
                core.booking.book(new BookingRequest(patientIds.get(present % patientIds.size()), extra.id(), exam.id(),
                        day.atTime(time).atZone(PARIS).toInstant(), null, null, null, null), bench);
                time = time.plusMinutes(exam.durationMinutes());
                present++;
            }
            room++;
        }
        return roomIds;
    }

    private long[] measure(Supplier<Object> call) {
        System.gc();
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            long t0 = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private void print(String what, long[] nanos) {
        int n = nanos.length;
        out().printf("%s : p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (%d requêtes)%n", what,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6, n);
    }
}
