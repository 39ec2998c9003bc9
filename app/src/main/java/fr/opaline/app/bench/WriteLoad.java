package fr.opaline.app.bench;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.common.Actor;
import fr.opaline.core.lifecycle.FatalErrors;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingConflictException;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.hl7.inbound.InboundMessageStore;
import fr.opaline.hl7.message.MshHeader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write load that {@link KillBench} kills: in one process opened like the practice server
 * ({@link CoreServices#open}, keyed audit), bookings with their outbox job in the same transaction,
 * inbound HL7 messages stored then answered (the listener's path before its ACK), and an outbox
 * worker completing the jobs. After each commit it prints one line ({@code B id}, {@code H id}):
 * what was acknowledged, which must survive a {@code kill -9}.
 * Arguments: home room exam patient slotBase(ISO instant).
 */
public final class WriteLoad {

    static final String JOB_TYPE = "KILL_BENCH_NOTIFY";

    private WriteLoad() {
    }

    public static void main(String[] args) throws Exception {
        FatalErrors.install();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        OpalineConfig config = OpalineConfig.load(Path.of(args[0]), null);
        UUID room = UUID.fromString(args[1]);
        UUID exam = UUID.fromString(args[2]);
        UUID patient = UUID.fromString(args[3]);
        Instant base = Instant.parse(args[4]);
        CoreServices core = CoreServices.open(config);
        Actor desk = Actor.system("kill-bench");
        OutboxWorker worker = new OutboxWorker(core.outbox, "kill-bench", 2, Duration.ofSeconds(30), Duration.ofMillis(20));
        worker.register(new fr.opaline.core.outbox.JobHandler() {
            @Override
            public String type() {
                return JOB_TYPE;
            }

            @Override
            public JobOutcome handle(fr.opaline.core.outbox.OutboxJob job) {
                return JobOutcome.done();
            }
        });
        worker.start();
        AtomicLong slot = new AtomicLong(core.database.dsl().fetchCount(
                fr.opaline.core.persistence.generated.Tables.APPOINTMENT) * 2L);
        InboundMessageStore hl7 = new InboundMessageStore(core.database, core.ids, core.clock);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        Thread bookings = new Thread(() -> {
            while (true) {
                Instant start = base.plus(Duration.ofMinutes(20 * slot.getAndIncrement()));
                try {
                    Booking b = core.database.inTransaction(ctx -> {
                        Booking booking = core.booking.book(ctx, new BookingRequest(patient, room, exam, start,
                                null, null, null, "charge du banc d'arrêt brutal"), desk);
                        core.outbox.enqueue(ctx, JobRequest.of(JOB_TYPE, "{\"appointment\":\"" + booking.appointment().id()
                                + "\"}").idempotencyKey("kill:" + booking.appointment().id()), desk);
                        return booking;
                    });
                    line(out, "B " + b.appointment().id());
                } catch (BookingConflictException e) {
                    // a slot taken before the previous kill: take the next one
                } catch (RuntimeException e) {
                    line(out, "E booking: " + e);
                    return;
                }
            }
        }, "bookings");
        Thread inbound = new Thread(() -> {
            for (long n = 0; ; n++) {
                String control = UUID.randomUUID().toString().substring(0, 18);
                String message = "MSH|^~\\&|PAM|HOPITAL|OPALINE|CABINET|20261207120000||ADT^A08^ADT_A01|" + control
                        + "|P|2.5|||||FRA|8859/1\rEVN||20261207120000\rPID|||" + (100000 + n) + "^^^HOPITAL^PI||DUPONT^JEAN\r";
                byte[] content = message.getBytes(StandardCharsets.ISO_8859_1);
                MshHeader header = MshHeader.read(content).orElseThrow();
                var stored = hl7.store("pam", "127.0.0.1", header, "ISO-8859-1", content);
                hl7.recordOutcome(stored.message().id(), fr.opaline.hl7.inbound.StoredMessage.PROCESSED, "AA", null,
                        ("MSH|^~\\&|OPALINE|CABINET|PAM|HOPITAL|||ACK|" + control + "|P|2.5\rMSA|AA|" + control + "\r")
                                .getBytes(StandardCharsets.ISO_8859_1), null);
                line(out, "H " + stored.message().id());
            }
        }, "inbound-hl7");
        bookings.start();
        inbound.start();
        bookings.join();
    }

    private static void line(PrintStream out, String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
