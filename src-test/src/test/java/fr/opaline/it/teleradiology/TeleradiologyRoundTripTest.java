package fr.opaline.it.teleradiology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import fr.opaline.api.TeleradiologyApi;
import fr.opaline.api.TeleradiologyAssignment;
import fr.opaline.api.client.ApiClient;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.it.assembly.AssembledDemo;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.sandbox.dmp.SandboxDocuments;
import fr.opaline.hl7.inbound.Hl7Listener;
import fr.opaline.hl7.transmission.CdaTransmissionMessages;
import fr.opaline.hl7.transmission.DocumentAction;
import fr.opaline.hl7.transmission.DocumentMetadata;
import fr.opaline.hl7.transmission.DocumentTransmission;
import fr.opaline.hl7.transmission.MessageRouting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Teleradiology end to end on the practice server as {@code opaline demo} assembles it
 * ({@link ServerAssembly}, the sandboxes started): a secretary confides an exam through the API;
 * the ORM^O01 leaves by MLLP to a teleradiology platform started here (it parses the message with
 * HAPI and acknowledges it); the platform sends its CR back by ORU^R01 to the server's MLLP listener
 * as a declared peer; the CR is integrated and fed to the sandbox DMP by the server's
 * {@code dmp-feed-received} handler (RIS.TLR/INT.01/02); the cancellation leaves as ORC-1 CA.
 */
class TeleradiologyRoundTripTest {

    @TempDir
    java.nio.file.Path home;

    @Test
    void anExamConfidedFromTheApiLeavesAsOrmAndThePlatformsCrReachesTheSandboxDmp() throws Exception {
        try (Platform platform = new Platform(); AssembledDemo demo = new AssembledDemo(home, Map.ofEntries(
                Map.entry("hl7.listener.port", "0"), Map.entry("hl7.listener.bind", "127.0.0.1"),
                Map.entry("hl7.teleradiology.host", "127.0.0.1"),
                Map.entry("hl7.teleradiology.port", String.valueOf(platform.port())),
                Map.entry("hl7.teleradiology.application", "TLR-APP"),
                Map.entry("hl7.teleradiology.facility", "PLATEFORME"),
                Map.entry("hl7.teleradiology.senders", "TLR-APP"),
                Map.entry("hl7.teleradiology.name", "Téléradiologie du Val (fictive)"),
                Map.entry("hl7.teleradiology.dmpDelay", "PT1S")))) {
            DmpSandbox dmp = demo.sandbox(DmpSandbox.class);
            Room room = demo.room("CT1", Modality.CT);
            ExamType exam = demo.exam("CT-THX", Modality.CT);
            Patient patient = demo.qualifiedPatient("FONTAINE", "Lucie", LocalDate.of(1984, 6, 12), Sex.F,
                    "2840675056123");
            Booking booking = demo.core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                    Instant.now().plus(Duration.ofHours(1)), "Dr Étienne Moreau", "99700010001", "Toux persistante.",
                    null), Actor.system("test"));
            demo.start();
            try (ApiClient api = demo.signedIn()) {
                TeleradiologyApi teleradiology = api.api(TeleradiologyApi.class);
                TeleradiologyAssignment before = teleradiology.status(booking.order().id());
                assertThat(before.platform()).isEqualTo("Téléradiologie du Val (fictive)");
                assertThat(before.request()).isNull();

                teleradiology.assign(booking.order().id());

                // The platform receives the ORM^O01 (flux 1) and acknowledges it.
                Message orm = platform.next();
                Terser t = new Terser(orm);
                assertThat(t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2")).isEqualTo("ORM^O01");
                assertThat(t.get("/MSH-5")).isEqualTo("TLR-APP");
                assertThat(t.get("/.ORC-1")).isEqualTo("NW");
                assertThat(t.get("/.ORC-2-1")).isEqualTo(booking.order().placerOrderNumber());
                assertThat(orm.encode()).contains(patient.ins().matricule());
                until(() -> teleradiology.status(booking.order().id()).request().state() == JobState.DONE, demo);

                // The platform's CR comes back by ORU^R01 to the server's MLLP listener.
                // The remote radiologist is the author; the act is one of the imaging structure that hosts
                // the patient (CI-SIS teleradiology, specifications fonctionnelles), the structure the DMP
                // is fed by: the CR names it as the author's organisation (the demo practice, 1 + FINESS).
                String uid = "1.2.250.1.999.7." + System.nanoTime();
                byte[] cda = SandboxDocuments.cda(new SandboxDocuments.Spec(uid, uid + ".0", 1, "18748-4",
                        "CR d'imagerie médicale", "Scanner thoracique (téléradiologie)", "10000000002", "Hélène",
                        "VIDAL", "1690000013", "Centre d'imagerie des Tilleuls (fictif)", Instant.now(),
                        "Pas d'anomalie décelée."), patient.ins().matricule(), patient.ins().oid());
                String oru = CdaTransmissionMessages.oru(new DocumentTransmission(DocumentAction.INITIAL, patient,
                        cda, uid, null, "18748-4", "CR d'imagerie médicale", Instant.now(), null, List.of(),
                        new DocumentMetadata(false, false, false, false, false, true, false, false, false, false),
                        "PLATEFORME"), new MessageRouting("TLR-APP", "PLATEFORME", "OPALINE", "CABINET", "P",
                        StandardCharsets.UTF_8), "TLR-CR-1", Instant.now());
                Message ack = platform.send(demo.service(Hl7Listener.class).port(), oru);
                assertThat(new Terser(ack).get("/MSA-1")).as(ack.encode()).isEqualTo("AA");

                // Fed to the sandbox DMP after the configured delay, by the dmp-feed-received handler.
                until(() -> dmp.transactions().acceptedSubmissions(uid) == 1, demo);
                assertThat(dmp.transactions().documents(patient.ins().matricule()))
                        .anySatisfy(e -> assertThat(e.uniqueId()).isEqualTo(uid));

                // The cancellation leaves as ORC-1 CA.
                TeleradiologyAssignment cancelled = teleradiology.cancel(booking.order().id());
                assertThat(cancelled.cancellation()).isNotNull();
                assertThat(new Terser(platform.next()).get("/.ORC-1")).isEqualTo("CA");
            }
        }
    }

    private static void until(BooleanSupplier condition, AssembledDemo demo) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 60 s; outbox:\n" + demo.jobs());
            }
            Thread.sleep(100);
        }
    }

    /** A teleradiology platform: an MLLP server (port 0) that parses what it receives with HAPI and answers AA. */
    static final class Platform implements AutoCloseable {
        private final HapiContext hapi = new DefaultHapiContext();
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        private final Thread thread;

        Platform() throws IOException {
            hapi.setValidationContext(ValidationContextFactory.noValidation());
            // control ids of the ACKs in memory (HAPI's default writes an id_file in the working directory)
            hapi.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
            thread = new Thread(this::serve, "plateforme-teleradiologie");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        Message next() throws InterruptedException {
            Message m = received.poll(60, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no ORM received by the platform within 60 s");
            }
            return m;
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    InputStream in = client.getInputStream();
                    OutputStream out = client.getOutputStream();
                    String frame;
                    while ((frame = read(in)) != null) {
                        Message m = hapi.getPipeParser().parse(frame);
                        received.add(m);
                        write(out, m.generateACK().encode());
                    }
                } catch (Exception e) {
                    // connection closed by the sender, or the platform stopped
                }
            }
        }

        /** Sends a message to the practice's listener and returns its acknowledgement, parsed. */
        Message send(int port, String er7) throws Exception {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(30_000);
                write(s.getOutputStream(), er7);
                return hapi.getPipeParser().parse(read(s.getInputStream()));
            }
        }

        private static void write(OutputStream out, String er7) throws IOException {
            out.write(0x0b);
            out.write(er7.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {0x1c, 0x0d});
            out.flush();
        }

        private static String read(InputStream in) throws IOException {
            int b;
            while ((b = in.read()) != 0x0b) {
                if (b < 0) {
                    return null;
                }
            }
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            while ((b = in.read()) != 0x1c) {
                if (b < 0) {
                    return null;
                }
                frame.write(b);
            }
            in.read();
            return frame.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            hapi.close();
        }
    }
}
