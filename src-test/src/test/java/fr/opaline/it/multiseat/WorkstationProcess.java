package fr.opaline.it.multiseat;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.SessionApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.Workstation;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingConflictException;
import fr.opaline.core.scheduling.BookingRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One workstation, in its own JVM, as a desktop talks to the practice server: its own workstation
 * key (made in its home at the first connection), the server's pinned certificate, a front-desk
 * session, and nothing else — no database URL, no database credential. It listens to the server's
 * event stream and books every slot of the list, in its own order, from several threads, through
 * {@link AgendaApi#book}. Prints one RESULT line per attempt (with the time its answer came) and
 * one EVENT line per booking announced by the server (with the time it arrived); ends on STOP.
 * Arguments: home serverUri fingerprint login password seed threads roomId examId patientIds(,) slots(,)
 */
public final class WorkstationProcess {

    private WorkstationProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        URI server = URI.create(args[1]);
        String fingerprint = args[2];
        String login = args[3];
        char[] password = args[4].toCharArray();
        Random random = new Random(Long.parseLong(args[5]));
        int threads = Integer.parseInt(args[6]);
        UUID room = UUID.fromString(args[7]);
        UUID exam = UUID.fromString(args[8]);
        List<UUID> patients = Arrays.stream(args[9].split(",")).map(UUID::fromString).toList();
        List<Instant> slots = new ArrayList<>(Arrays.stream(args[10].split(",")).map(Instant::parse).toList());
        Collections.shuffle(slots, random);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (ApiClient client = ApiClient.connect(server, fingerprint, Workstation.key(home), Duration.ofSeconds(60))) {
            client.api(SessionApi.class).signIn(login, password, null);
            AgendaApi agenda = client.api(AgendaApi.class);
            try (AutoCloseable events = client.events(event -> {
                if (event.type().equals("appointment.booked")) {
                    line("EVENT " + event.subject() + " " + System.currentTimeMillis());
                }
            })) {
                Thread.sleep(500); // the stream opens on its own thread; READY once it had time to connect
                line("READY");
                String go = stdin.readLine();
                if (!"GO".equals(go)) {
                    throw new IllegalStateException("expected GO, got " + go);
                }
                ConcurrentLinkedQueue<Instant> queue = new ConcurrentLinkedQueue<>(slots);
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                for (int t = 0; t < threads; t++) {
                    pool.submit(() -> {
                        for (Instant slot = queue.poll(); slot != null; slot = queue.poll()) {
                            UUID patient = patients.get(Math.floorMod(slot.hashCode() + login.hashCode(), patients.size()));
                            try {
                                Booking booking = agenda.book(new BookingRequest(patient, room, exam, slot, null, null,
                                        null, "réservé par " + login));
                                line("RESULT BOOKED " + booking.appointment().id() + " " + slot + " "
                                        + booking.order().accessionNumber() + " " + System.currentTimeMillis());
                            } catch (BookingConflictException e) {
                                line("RESULT CONFLICT - " + slot);
                            } catch (RuntimeException e) {
                                line("RESULT ERROR - " + slot + " " + e);
                            }
                        }
                    });
                }
                pool.shutdown();
                if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                    line("RESULT ERROR - timeout");
                }
                line("DONE");
                String stop = stdin.readLine(); // keeps listening to the other seat's bookings until told
                if (!"STOP".equals(stop)) {
                    throw new IllegalStateException("expected STOP, got " + stop);
                }
            }
        }
        line("STOPPED");
    }

    private static synchronized void line(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
