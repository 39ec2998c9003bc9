package fr.opaline.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.DatasetWriter;
import fr.opaline.worklist.data.Tags;
import fr.opaline.worklist.data.TransferSyntax;
import fr.opaline.worklist.data.Vr;
import fr.opaline.worklist.dimse.Dimse;
import fr.opaline.worklist.net.DicomServer;
import fr.opaline.worklist.net.Pdu;
import fr.opaline.worklist.net.PduCodec;
import fr.opaline.worklist.testing.FindScu;
import fr.opaline.worklist.testing.LogCapture;
import fr.opaline.worklist.testing.RawPeer;
import fr.opaline.worklist.testing.WorklistTestBed;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worklist on a hostile LAN (issue 20), with the production timeouts (ARTIM 30 s): half-open
 * connections from one host or from many, then PDU fuzzing (truncated PDUs, oversize lengths,
 * wrong PDU types, random mutations of valid requests and queries). After each, a modality's
 * C-FIND (DCMTK findscu) is served within 10 s, no internal error was logged, and the threads,
 * sockets and heap come back.
 */
class HostileLanTest {

    static final Duration PROMPTLY = Duration.ofSeconds(10);
    static final long SEED = 20_2026L;
    static final int FUZZ_CASES = 1200;

    static WorklistTestBed bed;
    static WorklistScp scp;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        bed = new WorklistTestBed();
        WorklistSettings production = WorklistSettings.defaults();
        scp = bed.start(WorklistTestBed.settings().withLimits(production.artimTimeout(), production.idleTimeout(), 20,
                WorklistSettings.DEFAULT_MAX_ASSOCIATIONS_PER_ADDRESS));
    }

    @AfterAll
    static void stop() throws Exception {
        bed.close();
    }

    @Test
    void aHundredHalfOpenConnectionsFromOneHostDoNotKeepAModalityOut() throws Exception {
        long refusedBefore = scp.server().refusedConnections();
        List<Socket> halfOpen = connectSilently(100, i -> "127.0.0.2");
        try {
            long deadline = System.nanoTime() + PROMPTLY.toNanos();
            long expected = refusedBefore + 100 - WorklistSettings.DEFAULT_MAX_ASSOCIATIONS_PER_ADDRESS;
            while (scp.server().refusedConnections() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(scp.server().refusedConnections()).as("closed at once beyond the address's share")
                    .isEqualTo(expected);
            assertServedPromptly();
        } finally {
            closeAll(halfOpen);
        }
        settle();
    }

    @Test
    void halfOpenConnectionsFromManyHostsDoNotKeepAModalityOutEither() throws Exception {
        // 100 addresses of the loopback, 1 silent connection each: past the global bound (2 × 20), the
        // connections that have sent nothing for longest make room
        List<Socket> halfOpen = connectSilently(100, i -> "127.0.1." + (i + 1));
        try {
            assertServedPromptly();
            assertThat(scp.server().evictedConnections()).isPositive();
            assertThat(scp.server().openConnections()).isLessThanOrEqualTo(2 * 20 + 1);
        } finally {
            closeAll(halfOpen);
        }
        settle();
    }

    @Test
    void pduFuzzingLeavesTheServiceUpAndTheHeapBounded() throws Exception {
        settle();
        long heapBefore = usedHeapAfterGc();
        int threadsBefore = associationThreads();
        Random random = new Random(SEED);
        List<byte[]> cases = new ArrayList<>();
        for (int i = 0; i < FUZZ_CASES; i++) {
            cases.add(fuzzCase(i % 6, random));
        }
        long start = System.nanoTime();
        try (LogCapture log = new LogCapture(DicomServer.class)) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                byte[] bytes = cases.get(i);
                String from = "127.0.2." + (1 + i % 6);
                runs.add(pool.submit(() -> {
                    sendAndDrain(from, bytes);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
            assertServedPromptly();
            settle();
            assertThat(log.events()).as("no internal error on any fuzz case (seed " + SEED + ")")
                    .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        }
        System.out.printf("Fuzzing DICOM : %d cas en %.1f s%n", FUZZ_CASES, (System.nanoTime() - start) / 1e9);
        assertThat(associationThreads()).as("association threads").isLessThanOrEqualTo(threadsBefore);
        long grown = usedHeapAfterGc() - heapBefore;
        assertThat(grown).as("heap kept after the fuzzing (bytes)").isLessThan(32L << 20);
    }

    // ------------------------------------------------------------ fuzz cases

    private static byte[] fuzzCase(int kind, Random random) {
        byte[] request = PduCodec.encode(RawPeer.request(WorklistTestBed.AE, WorklistTestBed.FINDSCU,
                RawPeer.context(1, Dimse.MODALITY_WORKLIST_FIND, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN),
                RawPeer.context(3, Dimse.VERIFICATION)));
        byte[] query = PduCodec.encode(ScpRobustnessTest.message(1, ScpRobustnessTest.findCommand(1 + random.nextInt(9)),
                DatasetWriter.write(new Attributes().setString(Tags.PATIENT_NAME, Vr.PN, "DUP*")
                        .setString(Tags.PATIENT_ID, Vr.LO, ""), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)));
        return switch (kind) {
            // a request or a query cut anywhere
            case 0 -> random.nextBoolean() ? Arrays.copyOf(request, random.nextInt(request.length))
                    : concat(request, Arrays.copyOf(query, random.nextInt(query.length)));
            // a length announcing far more than will ever come, on every PDU type
            case 1 -> {
                int type = 1 + random.nextInt(7);
                long length = switch (random.nextInt(3)) {
                    case 0 -> 0xFFFFFFFFL;
                    case 1 -> 0x7FFFFFF0L;
                    default -> 65_536L + random.nextInt(1 << 20);
                };
                byte[] body = new byte[random.nextInt(256)];
                random.nextBytes(body);
                yield concat(header(type, length), body);
            }
            // PDU types that do not exist, or that come in the wrong state
            case 2 -> {
                int type = random.nextBoolean() ? (random.nextBoolean() ? 0 : 8 + random.nextInt(248))
                        : 2 + random.nextInt(6);
                byte[] body = new byte[random.nextInt(64)];
                random.nextBytes(body);
                yield random.nextBoolean() ? concat(header(type, body.length), body)
                        : concat(request, concat(header(type, body.length), body));
            }
            // a valid request with bytes changed
            case 3 -> mutate(request, random);
            // a valid association, then a query with bytes changed (DIMSE and data set decoding)
            case 4 -> concat(request, mutate(query, random));
            // bytes of nothing
            default -> {
                byte[] noise = new byte[1 + random.nextInt(512)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] out = valid.clone();
        int changes = 1 + random.nextInt(8);
        for (int i = 0; i < changes; i++) {
            int at = random.nextInt(out.length);
            out[at] = switch (random.nextInt(4)) {
                case 0 -> (byte) 0xFF;
                case 1 -> 0;
                default -> (byte) random.nextInt(256);
            };
        }
        return out;
    }

    private static byte[] header(int type, long length) {
        return ByteBuffer.allocate(6).put((byte) type).put((byte) 0).putInt((int) length).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Sends the bytes, reads what the SCP says for at most 300 ms, and leaves. */
    private static void sendAndDrain(String from, byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", scp.port()), 2000);
            socket.setSoTimeout(300);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[4096];
            long received = 0;
            for (int n = in.read(sink); n >= 0 && received < 1 << 20; n = in.read(sink)) {
                received += n;
            }
        } catch (IOException e) {
            // reset, timeout, refused: what a hostile peer gets, nothing to check here
        }
    }

    // ------------------------------------------------------------ checks

    private void assertServedPromptly() {
        long start = System.nanoTime();
        FindScu.Result result = FindScu.run(dir, scp.port(), "-k", "0010,0010=DUPONT*");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.exit()).as(result.console()).isZero();
        assertThat(result.names()).containsExactly("DUPONT^JEAN");
        assertThat(took).as("C-FIND of a modality during the attack").isLessThan(PROMPTLY);
        System.out.printf("C-FIND servi en %d ms pendant l'attaque%n", took.toMillis());
    }

    private static List<Socket> connectSilently(int count, java.util.function.IntFunction<String> from)
            throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(InetAddress.getByName(from.apply(i)), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", scp.port()), 2000);
            sockets.add(socket);
        }
        return sockets;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
    }

    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (scp.server().openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(scp.server().openConnections()).as("open connections").isZero();
    }

    private static int associationThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("worklist-association-")).count();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
