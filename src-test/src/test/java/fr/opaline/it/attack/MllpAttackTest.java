package fr.opaline.it.attack;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.Main;
import fr.opaline.core.persistence.Database;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.mllp.MllpClient;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.mllp.MllpFrameReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The MLLP listener of {@code opaline server}, in its own JVM with {@code -Xmx512m}, attacked on
 * loopback as a LAN attacker would (issue 20): 32 connections each sending a 19 MB frame, slow
 * loris, an ADT^A40 merge from an undeclared sender, malformed HL7 at volume. The attacker speaks
 * from 127.0.0.66 (no peer declares it) and, where it matters, from the declared peers' own address.
 * After each attack: a legitimate message is acknowledged AA within 10 s, no OutOfMemoryError in
 * the server's output, the process still runs; at the end nothing acknowledged before is lost and
 * no identity was merged. Bounded: the whole set runs in about a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MllpAttackTest {

    static final InetAddress ATTACKER = address("127.0.0.66");
    static final int FRAME_19_MB = 19 * 1024 * 1024;
    static final String ZAM = "MSH|^~\\&|PFI|CHU|OPALINE|CABINET|20260302100000||ZAM^Z01^ZAM_Z01|%s|P|2.6|||||FRA|"
            + "UNICODE UTF-8|||2.1^CISIS_CDA_HL7_V2\rEVN||20260302100000\r"
            + "OBX|1|CWE|ACK_RECEPTION_DMP^Accusé de réception DMP^AckMetierZAM|%s|Y^^expandedYes-NoIndicator||||||F|\r";
    static final String ADT = "MSH|^~\\&|%s|HOPITAL|OPALINE|CABINET|20260302100000||ADT^%s^%s|%s|P|2.5|||||FRA|UNICODE UTF-8\r"
            + "EVN||20260302100000\r"
            + "PID|||%s^^^HOPITAL&1.2.250.99.1&ISO^PI||%s^DOMINIQUE^DOMINIQUE^^^^L||19790328|F|||^^^^^^BDL^^51215"
            + "|||||||||||||||||||||PROV\r%s";

    Path dir;
    Path config;
    Process server;
    final List<String> output = new CopyOnWriteArrayList<>();
    int port;
    final AtomicInteger legitimate = new AtomicInteger();
    final List<String> figures = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        dir = Files.createTempDirectory("opaline-mllp-attack-");
        config = Files.writeString(dir.resolve("opaline.properties"), String.join("\n",
                "db.url=jdbc:h2:file:" + dir.resolve("db").resolve("opaline").toAbsolutePath(),
                "health.port=0", "psc.proxy.port=0", "psc.proxy.bind=127.0.0.1", "api.port=0", "api.bind=127.0.0.1",
                "backup.enabled=false", "worklist.enabled=false", "hl7.listener.port=0", "hl7.listener.bind=127.0.0.1",
                "hl7.listener.messageTimeout=PT5S", "hl7.listener.idleTimeout=PT30S", "server.name=attack",
                "server.shutdownGrace=PT5S", ""));
        // The peers, declared with the command an operator uses.
        cli("hl7", "peers", "add", "PFI", "--name", "Plateforme d'intermédiation", "--addresses", "127.0.0.1",
                "--types", "ZAM^Z01");
        cli("hl7", "peers", "add", "GAM", "--name", "GAM de l'hôpital", "--facility", "HOPITAL", "--addresses",
                "127.0.0.1", "--types", "ADT^A28,ADT^A31,ADT^A08,ADT^A40");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Xlog:gc:file=" + dir.resolve("gc.log"), "-Dopaline.systemConfig=", "-cp", classpath, Main.class.getName(), "--home", dir.toString(),
                "--config", config.toString(), "server").redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "attack-server-output");
        reader.setDaemon(true);
        reader.start();
        Pattern listening = Pattern.compile("Écoute MLLP cabinet sur le port (\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (port == 0 && System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertThat(server.isAlive()).as(String.join("\n", output)).isTrue();
            Thread.sleep(100);
        }
        assertThat(port).as(String.join("\n", output)).isPositive();
        // Accepted before any attack: two identities from the hospital, and business acknowledgements.
        assertThat(send(ADT.formatted("GAM", "A28", "ADT_A05", "P1", "IPP-1", "PATUN", "")).code().name()).isEqualTo("AA");
        assertThat(send(ADT.formatted("GAM", "A28", "ADT_A05", "P2", "IPP-2", "PATDEUX", "")).code().name()).isEqualTo("AA");
        for (int i = 0; i < 5; i++) {
            legitimateIsServedWithin10s("avant");
        }
    }

    @AfterAll
    void stopServerAndCheckNothingWasLost() throws Exception {
        try {
            if (server != null && server.isAlive()) {
                new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor(10, TimeUnit.SECONDS);
                assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(output).noneMatch(l -> l.contains("OutOfMemoryError"));
            try (Database db = Database.openAndMigrate(OpalineConfig.load(dir, config).database())) {
                int accepted = db.dsl().fetchCount(db.dsl().selectFrom("hl7_message")
                        .where("sending_application = 'PFI' and ack_code = 'AA' and control_id like 'LEGIT-%'"));
                assertThat(accepted).isEqualTo(legitimate.get());
                assertThat(db.dsl().fetchCount(db.dsl().selectFrom("patient").where("merged_into_id is not null")))
                        .isZero();
                assertThat(db.dsl().fetchCount(db.dsl().selectFrom("audit_event")
                        .where("action = 'HL7_MESSAGE_REFUSED'"))).isPositive();
            }
            figures.add("pic du tas (avant GC, -Xmx512m) sur toute la série : " + heapPeakMb() + " Mo");
            System.out.println("MLLP attack figures:\n  " + String.join("\n  ", figures));
        } finally {
            if (server != null) {
                server.destroyForcibly();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void thirtyTwoConnectionsEachSendingA19MegabyteFrame() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(34);
        try {
            byte[] body = new byte[FRAME_19_MB];
            Arrays.fill(body, (byte) 'A');
            List<Future<?>> floods = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                // From the attacker's address, and (8 of them) from the declared peers' address with a
                // message the peer may not send: neither may cost the server memory or disk.
                boolean fromPeerAddress = i % 4 == 0;
                String head = ADT.formatted(fromPeerAddress ? "GAM" : "EVIL", "A40", "ADT_A39", "F" + i, "IPP-1", "PATUN",
                        "MRG|IPP-2^^^HOPITAL&1.2.250.99.1&ISO^PI\rNTE|||").replace("|GAM|HOPITAL|", "|GAM|AILLEURS|");
                floods.add(pool.submit(() -> {
                    try (Socket s = connect(fromPeerAddress ? InetAddress.getLoopbackAddress() : ATTACKER)) {
                        OutputStream out = s.getOutputStream();
                        out.write(MllpFrameReader.START);
                        out.write(head.getBytes(StandardCharsets.UTF_8));
                        for (int off = 0; off < body.length; off += 1 << 20) {
                            out.write(body, off, Math.min(1 << 20, body.length - off));
                        }
                        out.write(new byte[] {MllpFrameReader.END, MllpFrameReader.CR});
                        out.flush();
                        s.setSoTimeout(20_000);
                        s.getInputStream().read();
                    } catch (IOException closedByServer) {
                        // expected for the connections beyond the strangers' pool
                    }
                    return null;
                }));
            }
            // During the flood, the legitimate peer is served.
            Thread.sleep(500);
            double during = legitimateIsServedWithin10s("pendant l'envoi de 32 × 19 Mo");
            for (Future<?> f : floods) {
                f.get(60, TimeUnit.SECONDS);
            }
            figures.add(String.format("32 × 19 Mo : message légitime acquitté en %.0f ms pendant l'attaque ; attaque "
                    + "terminée en %.1f s", during, (System.nanoTime() - start) / 1e9));
        } finally {
            pool.shutdownNow();
        }
        afterAttack("32 × 19 Mo");
    }

    @Test
    @Order(2)
    void slowLoris() throws Exception {
        List<Socket> loris = new ArrayList<>();
        try {
            // 32 from the attacker's address, 8 from the declared peers' address: one byte every 2 s.
            for (int i = 0; i < 40; i++) {
                try {
                    Socket s = connect(i < 32 ? ATTACKER : InetAddress.getLoopbackAddress());
                    s.getOutputStream().write(MllpFrameReader.START);
                    loris.add(s);
                } catch (IOException refused) {
                    // the strangers' pool is full
                }
            }
            long start = System.nanoTime();
            int open = loris.size();
            double during = 0;
            for (int round = 0; round < 4; round++) {
                open = 0;
                for (Socket s : loris) {
                    try {
                        s.getOutputStream().write('M');
                        s.getOutputStream().flush();
                        open++;
                    } catch (IOException closed) {
                        // cut off
                    }
                }
                during = Math.max(during, legitimateIsServedWithin10s("pendant le slow-loris"));
                Thread.sleep(2000);
            }
            // The message deadline (5 s here) has passed: every trickling connection is cut off.
            int stillOpen = 0;
            for (Socket s : loris) {
                s.setSoTimeout(50);
                try {
                    if (s.getInputStream().read() != -1) {
                        stillOpen++;
                    }
                } catch (java.net.SocketTimeoutException open2) {
                    stillOpen++;
                } catch (IOException reset) {
                    // closed
                }
            }
            assertThat(stillOpen).isZero();
            figures.add(String.format("slow-loris (40 connexions, 1 octet / 2 s) : message légitime acquitté en %.0f ms "
                    + "au plus ; toutes coupées après %.1f s", during, (System.nanoTime() - start) / 1e9));
        } finally {
            for (Socket s : loris) {
                s.close();
            }
        }
        afterAttack("slow-loris");
    }

    @Test
    @Order(3)
    void aMergeFromAnUndeclaredSenderIsRefused() throws Exception {
        String merge = ADT.formatted("EVIL", "A40", "ADT_A39", "EVIL1", "IPP-1", "PATUN",
                "MRG|IPP-2^^^HOPITAL&1.2.250.99.1&ISO^PI\r");
        Acks.Received fromPeerAddress = send(merge);
        assertThat(fromPeerAddress.code().name()).isEqualTo("AR");
        assertThat(fromPeerAddress.detail()).contains("non déclaré").contains("EVIL");
        try (Socket s = connect(ATTACKER)) {
            s.getOutputStream().write(MllpFrameReader.frame(merge.getBytes(StandardCharsets.UTF_8)));
            s.setSoTimeout(10_000);
            String ack = new String(new MllpFrameReader(s.getInputStream(), 1 << 20).read().content(), StandardCharsets.UTF_8);
            assertThat(Acks.read(ack).code().name()).isEqualTo("AR");
            assertThat(ack).contains("non déclaré");
        }
        figures.add("ADT^A40 de « EVIL » : AR « " + fromPeerAddress.detail() + " », aucune fusion");
        afterAttack("ADT^A40 EVIL");
    }

    @Test
    @Order(4)
    void malformedHl7AtVolume() throws Exception {
        Random random = new Random(20);
        long start = System.nanoTime();
        int sent = 0;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                InetAddress from = c < 2 ? ATTACKER : InetAddress.getLoopbackAddress();
                long seed = random.nextLong();
                parts.add(pool.submit(() -> malformed(from, new Random(seed), 500)));
            }
            for (Future<Integer> f : parts) {
                sent += f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        figures.add(String.format("HL7 malformé : %d trames en %.1f s", sent, (System.nanoTime() - start) / 1e9));
        afterAttack("HL7 malformé");
    }

    /** Garbage, truncated headers, broken framing, random mutations of a valid message; reconnects when cut off. */
    int malformed(InetAddress from, Random random, int count) {
        int sent = 0;
        Socket s = null;
        byte[] valid = ZAM.formatted("X", "X").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            try {
                if (s == null) {
                    s = connect(from);
                    s.setSoTimeout(5000);
                }
                byte[] m;
                switch (i % 4) {
                    case 0 -> {
                        m = new byte[1 + random.nextInt(2000)];
                        random.nextBytes(m);
                    }
                    case 1 -> m = Arrays.copyOf(valid, random.nextInt(valid.length));
                    case 2 -> {
                        m = valid.clone();
                        for (int k = 0; k < 10; k++) {
                            m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                        }
                    }
                    default -> m = ("MSH|" + "^~\\&|".repeat(random.nextInt(50)) + "|||||||||").getBytes(StandardCharsets.UTF_8);
                }
                s.getOutputStream().write(MllpFrameReader.frame(m));
                s.getOutputStream().flush();
                sent++;
                new MllpFrameReader(s.getInputStream(), 1 << 20).read();
            } catch (IOException cutOff) {
                close(s);
                s = null;
            }
        }
        close(s);
        return sent;
    }

    /** The largest heap in use before a collection, from the server's GC log. */
    long heapPeakMb() throws IOException {
        Matcher m = Pattern.compile("(\\d+)M->\\d+M\\(").matcher(Files.readString(dir.resolve("gc.log")));
        long peak = 0;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    void afterAttack(String attack) throws Exception {
        assertThat(server.isAlive()).as("le serveur tourne encore après " + attack).isTrue();
        double ms = legitimateIsServedWithin10s("après " + attack);
        figures.add(String.format("après %s : message légitime acquitté en %.0f ms", attack, ms));
        assertThat(output).as("sortie du serveur").noneMatch(l -> l.contains("OutOfMemoryError"));
    }

    double legitimateIsServedWithin10s(String when) throws Exception {
        String id = "LEGIT-" + legitimate.get();
        long t0 = System.nanoTime();
        Acks.Received ack = send(ZAM.formatted(id, id));
        double ms = (System.nanoTime() - t0) / 1e6;
        assertThat(ack.code().name()).as(when + " : " + ack.detail()).isEqualTo("AA");
        assertThat(ms).as(when).isLessThan(10_000);
        legitimate.incrementAndGet();
        return ms;
    }

    Acks.Received send(String er7) throws Exception {
        try (MllpClient client = new MllpClient(new MllpEndpoint("127.0.0.1", port, Duration.ofSeconds(10),
                Duration.ofSeconds(10), null))) {
            return Acks.read(new String(client.exchange(er7.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        }
    }

    Socket connect(InetAddress from) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    }

    void cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", dir.toString(), "--config", config.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        var line = Main.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(out));
        assertThat(line.execute(all.toArray(String[]::new))).as(out.toString()).isZero();
    }

    static void close(Socket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
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
