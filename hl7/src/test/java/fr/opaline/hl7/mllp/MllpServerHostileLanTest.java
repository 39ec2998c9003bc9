package fr.opaline.hl7.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listener on a hostile LAN, over real loopback sockets: large frames spooled to disk within
 * one global memory budget and delivered intact; a peer trickling bytes cut off at the message
 * deadline; strangers (addresses no peer declares) confined to their own small pool and read only
 * as far as their header, while declared peers are still served.
 */
class MllpServerHostileLanTest {

    @TempDir
    Path spool;

    static final InetAddress STRANGER = address("127.0.0.66");

    /** Answers the SHA-256 of what it received, and whether the body was kept. */
    final AtomicLong dropped = new AtomicLong();

    MllpHandler handler() {
        return new MllpHandler() {
            @Override
            public byte[] onFrame(MllpFrameReader.Frame frame, MllpConnection connection) {
                if (frame.dropped()) {
                    dropped.incrementAndGet();
                    return ("DROPPED " + frame.size()).getBytes(StandardCharsets.US_ASCII);
                }
                return sha(frame.content()).getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public boolean knownSource(InetAddress address) {
                return !address.equals(STRANGER);
            }
        };
    }

    @Test
    void largeFramesAreSpooledWithinTheGlobalBudgetAndArriveIntact() throws Exception {
        MllpServerSettings settings = MllpServerSettings.loopback(0).withMemory(8L * 1024 * 1024, spool);
        try (MllpServer server = new MllpServer("t", settings, handler())) {
            server.start();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Boolean>> sent = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int seed = i;
                    sent.add(pool.submit(() -> {
                        byte[] message = new byte[6 * 1024 * 1024];
                        new Random(seed).nextBytes(message);
                        for (int j = 0; j < message.length; j++) {
                            if (message[j] == MllpFrameReader.START || message[j] == MllpFrameReader.END) {
                                message[j] = 'x';
                            }
                        }
                        try (MllpClient client = new MllpClient(new MllpEndpoint("127.0.0.1", server.port(),
                                Duration.ofSeconds(5), Duration.ofSeconds(60), null))) {
                            return new String(client.exchange(message), StandardCharsets.US_ASCII).equals(sha(message));
                        }
                    }));
                }
                for (Future<Boolean> f : sent) {
                    assertThat(f.get()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
            // 6 × 6 MB with 2 MB for receiving: most went through the disk, and nothing is left held.
            assertThat(server.memory().receiving()).isZero();
            assertThat(server.memory().spooledFiles()).isZero();
        }
    }

    @Test
    void aTricklingPeerIsCutOffAtTheMessageDeadline() throws Exception {
        MllpServerSettings settings = MllpServerSettings.loopback(0).withIdleTimeout(Duration.ofSeconds(30))
                .withMessageTimeout(Duration.ofMillis(1500)).withMemory(8L * 1024 * 1024, spool);
        try (MllpServer server = new MllpServer("t", settings, handler())) {
            server.start();
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(MllpFrameReader.START);
                long start = System.nanoTime();
                boolean closed = false;
                // One byte every 300 ms: each resets an idle timeout, none resets the deadline.
                for (int i = 0; i < 40 && !closed; i++) {
                    try {
                        out.write('M');
                        out.flush();
                        Thread.sleep(300);
                    } catch (java.io.IOException e) {
                        closed = true;
                    }
                    if (!closed) {
                        s.setSoTimeout(1);
                        try {
                            closed = s.getInputStream().read() == -1;
                        } catch (java.net.SocketTimeoutException stillOpen) {
                            // still open
                        } catch (java.io.IOException reset) {
                            closed = true;
                        }
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(closed).isTrue();
                assertThat(seconds).isLessThan(4.0);
            }
        }
    }

    @Test
    void strangersHaveTheirOwnSmallPoolAndOnlyTheirHeaderIsRead() throws Exception {
        MllpServerSettings settings = MllpServerSettings.loopback(0).withStrangerConnections(2)
                .withMemory(8L * 1024 * 1024, spool);
        try (MllpServer server = new MllpServer("t", settings, handler())) {
            server.start();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    held.add(from(STRANGER, server.port()));
                }
                Thread.sleep(200);
                // A third stranger is closed at once.
                try (Socket third = from(STRANGER, server.port())) {
                    third.setSoTimeout(3000);
                    assertThat(readOrReset(third.getInputStream())).isEqualTo(-1);
                }
                // A declared peer's address is served all the same.
                try (MllpClient client = new MllpClient(MllpEndpoint.of("127.0.0.1", server.port()))) {
                    byte[] m = "MSH|^~\\&|A".getBytes(StandardCharsets.US_ASCII);
                    assertThat(new String(client.exchange(m), StandardCharsets.US_ASCII)).isEqualTo(sha(m));
                }
                // A stranger's large frame: read to its end, its body dropped.
                Socket s = held.get(0);
                byte[] big = new byte[3 * 1024 * 1024];
                java.util.Arrays.fill(big, (byte) 'x');
                s.getOutputStream().write(MllpFrameReader.frame(big));
                s.getOutputStream().flush();
                s.setSoTimeout(10_000);
                MllpFrameReader.Frame answer = new MllpFrameReader(s.getInputStream(), 1024).read();
                assertThat(new String(answer.content(), StandardCharsets.US_ASCII)).isEqualTo("DROPPED " + big.length);
                assertThat(server.memory().spooledFiles()).isZero();
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    static int readOrReset(InputStream in) {
        try {
            return in.read();
        } catch (java.io.IOException reset) {
            return -1;
        }
    }

    static Socket from(InetAddress local, int port) throws Exception {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(local, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        return s;
    }

    static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
