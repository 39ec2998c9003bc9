package fr.opaline.it.multiseat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingConflictException;
import fr.opaline.core.scheduling.BookingRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * One workstation, in its own JVM: the front desk books every slot of the list, in its own
 * order, from several threads, each booking with its outbox job for the server in the same
 * transaction. Prints one RESULT line per attempt.
 * Arguments: config home workstationName seed threads roomId examId patientIds(,) slots(,)
 */
public final class WorkstationProcess {

    private WorkstationProcess() {
    }

    public static void main(String[] args) throws Exception {
        OpalineConfig config = OpalineConfig.load(Path.of(args[1]), Path.of(args[0]));
        String name = args[2];
        Random random = new Random(Long.parseLong(args[3]));
        int threads = Integer.parseInt(args[4]);
        UUID room = UUID.fromString(args[5]);
        UUID exam = UUID.fromString(args[6]);
        List<UUID> patients = Arrays.stream(args[7].split(",")).map(UUID::fromString).toList();
        List<Instant> slots = new ArrayList<>(Arrays.stream(args[8].split(",")).map(Instant::parse).toList());
        Collections.shuffle(slots, random);
        Actor desk = Actor.system(name);
        try (CoreServices core = CoreServices.open(config)) {
            System.out.println("READY");
            System.out.flush();
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!"GO".equals(go)) {
                throw new IllegalStateException("expected GO, got " + go);
            }
            ConcurrentLinkedQueue<Instant> queue = new ConcurrentLinkedQueue<>(slots);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (Instant slot = queue.poll(); slot != null; slot = queue.poll()) {
                        UUID patient = patients.get(Math.floorMod(slot.hashCode() + name.hashCode(), patients.size()));
                        Instant start = slot;
                        try {
                            Booking booking = core.database.inTransaction(ctx -> {
                                Booking b = core.booking.book(ctx, new BookingRequest(patient, room, exam, start,
                                        null, null, null, "réservé par " + name), desk);
                                core.outbox.enqueue(ctx, JobRequest.of(MultiSeatBookingTest.NOTIFY,
                                        "{\"appointment\":\"" + b.appointment().id() + "\"}")
                                        .idempotencyKey("notify:" + b.appointment().id()), desk);
                                return b;
                            });
                            result("BOOKED " + booking.appointment().id() + " " + start + " "
                                    + booking.order().accessionNumber());
                        } catch (BookingConflictException e) {
                            result("CONFLICT - " + start);
                        } catch (RuntimeException e) {
                            result("ERROR - " + start + " " + e);
                        }
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                result("ERROR - timeout");
            }
        }
        System.out.println("DONE");
        System.out.flush();
    }

    private static synchronized void result(String line) {
        System.out.println("RESULT " + line);
    }
}
