package fr.opaline.it.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.opaline.app.Main;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.audit.AuditEvent;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
 * {@code opaline server} started as the product starts it (its own JVM, {@code Main ... server},
 * an embedded H2 file, the HL7 listener configured), seen from outside:
 * <ul>
 * <li>the only TCP sockets it listens on are the one HTTPS port (API and proxy e-santé), the DICOM
 * worklist, the MLLP listener and the health endpoint on loopback, read from the process's own
 * sockets ({@code /proc/<pid>/fd} against {@code /proc/net/tcp} and {@code tcp6}): an H2 TCP
 * server, a second HTTPS port or a debug port would fail it;</li>
 * <li>the operator commands ({@code users …}, {@code audit verify}, {@code db backup}) go through
 * the running server with the operator credential it wrote ({@code secrets/operator.token}, 0600),
 * audited as "opérateur"; the operator area refuses a missing or wrong token (401) and a call from
 * the machine's LAN address (403); the commands that do not go through the server
 * ({@code db migrate}…) still say in French that the server holds the database;</li>
 * <li>once the server is stopped the token file is gone and the same commands open the database
 * themselves.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunningServerTest {

    private static final Pattern HTTPS = Pattern.compile("Postes de travail \\(API et proxy e-santé\\) : port HTTPS (\\d+)");
    private static final Pattern HEALTH = Pattern.compile("Supervision : http://[^:]+:(\\d+)/");
    private static final Pattern DICOM = Pattern.compile("Serveur DICOM \\S+ à l'écoute sur [^:]+:(\\d+)");
    private static final Pattern MLLP = Pattern.compile("Écoute MLLP cabinet sur le port (\\d+)");

    Path dir;
    Path config;
    Process server;
    final List<String> output = new CopyOnWriteArrayList<>();
    int https;
    int health;
    int dicom;
    int mllp;

    @BeforeAll
    void startServer() throws Exception {
        dir = Files.createTempDirectory("opaline-running-server-");
        config = Files.writeString(dir.resolve("opaline.properties"), String.join("\n",
                "db.url=jdbc:h2:file:" + dir.resolve("db").resolve("opaline").toAbsolutePath(),
                // every listener on a free port, each on the address the product binds by default
                "health.port=0", "psc.proxy.port=0", "worklist.port=0", "hl7.listener.port=0",
                "backup.enabled=false", "server.name=running-server", "server.shutdownGrace=PT5S", ""));
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dopaline.systemConfig=", "-cp", classpath, Main.class.getName(), "--home", dir.toString(),
                "--config", config.toString(), "server").redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "running-server-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((https == 0 || health == 0 || dicom == 0 || mllp == 0) && System.nanoTime() < deadline) {
            for (String line : output) {
                https = found(HTTPS, line, https);
                health = found(HEALTH, line, health);
                dicom = found(DICOM, line, dicom);
                mllp = found(MLLP, line, mllp);
            }
            assertThat(server.isAlive()).as(String.join("\n", output)).isTrue();
            Thread.sleep(100);
        }
        assertThat(List.of(https, health, dicom, mllp)).as(String.join("\n", output)).allMatch(p -> p > 0);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void itListensOnlyOnTheHttpsPortTheWorklistTheMllpListenerAndTheLoopbackHealthEndpoint() throws Exception {
        Path fds = Path.of("/proc", Long.toString(server.pid()), "fd");
        assumeTrue(Files.isDirectory(fds) && Files.isReadable(Path.of("/proc/net/tcp")), "Linux /proc needed");

        List<Listener> listeners = listeners(server.pid());

        assertThat(listeners).as("listening sockets of opaline server: %s\n%s", listeners, String.join("\n", output))
                .extracting(Listener::port).containsExactlyInAnyOrder(https, dicom, mllp, health);
        Listener healthSocket = listeners.stream().filter(l -> l.port() == health).findFirst().orElseThrow();
        assertThat(healthSocket.address().isLoopbackAddress()).as("health endpoint on loopback: " + healthSocket).isTrue();
    }

    @Test
    @Order(2)
    void operatorCommandsGoThroughTheRunningServerAuditedAsOperator() throws Exception {
        Path token = dir.resolve("secrets").resolve("operator.token");
        assertThat(token).as("the server publishes its operator credential beside the vault key").exists();
        if (token.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        }

        Result create = cli("users", "create", "exploit", "--name", "Mme Exploitation", "--role", "SECRETAIRE");
        assertThat(create.code()).as(create.output()).isZero();
        assertThat(create.output()).contains("Compte créé : exploit (SECRETAIRE)");
        Result password = withStdin("Provisoire-Cabinet-2026\n", () -> cli("users", "set-password", "exploit",
                "--password-stdin"));
        assertThat(password.code()).as(password.output()).isZero();
        Result totp = cli("users", "totp-enrol", "exploit");
        assertThat(totp.code()).as(totp.output()).isZero();
        assertThat(totp.output()).contains("otpauth://");
        Result disable = cli("users", "disable", "exploit");
        assertThat(disable.code()).as(disable.output()).isZero();
        Result list = cli("users", "list");
        assertThat(list.code()).as(list.output()).isZero();
        assertThat(list.output()).contains("exploit").contains("INACTIF").contains("mot de passe");
        Result unknown = cli("users", "enable", "personne");
        assertThat(unknown.code()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("Compte inconnu : personne");

        Result audit = cli("audit", "verify");
        assertThat(audit.code()).as(audit.output()).isZero();
        assertThat(audit.output()).contains("Journal d'audit intègre");
        Path during = dir.resolve("pendant.zip");
        Result backup = cli("db", "backup", "--out", during.toString());
        assertThat(backup.code()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("Sauvegarde écrite par le serveur du cabinet");
        assertThat(during).exists();
        Result anchored = cli("audit", "verify", "--sauvegarde", during.toString());
        assertThat(anchored.code()).as(anchored.output()).isZero();
        assertThat(anchored.output()).contains("est inchangé");

        // The commands that do not go through the server still say, in French, that it holds the file.
        Result migrate = cli("db", "migrate");
        assertThat(migrate.code()).as(migrate.output()).isEqualTo(2);
        assertThat(migrate.output()).contains("est ouverte par un autre processus Opaline (le serveur du cabinet")
                .contains("Arrêtez le serveur");
        assertThat(server.isAlive()).as("the server is not disturbed").isTrue();
    }

    @Test
    @Order(3)
    void theOperatorAreaWantsTheTokenAndALoopbackSource() throws Exception {
        java.util.Properties published = new java.util.Properties();
        try (var in = Files.newBufferedReader(dir.resolve("secrets").resolve("operator.token"), StandardCharsets.UTF_8)) {
            published.load(in);
        }
        String token = published.getProperty("token");
        HttpClient http = HttpClient.newBuilder().sslContext(fr.opaline.platform.tls.TlsIdentity.create("test", List.of(),
                fr.opaline.platform.tls.TlsIdentity.Usage.CLIENT, Duration.ofHours(1)).context(
                fr.opaline.platform.tls.PinnedTrust.server(published.getProperty("fingerprint")))).build();
        assertThat(call(http, "127.0.0.1", token).statusCode()).isEqualTo(200);
        for (String wrong : new String[] {null, "", "faux", token + "x"}) {
            HttpResponse<String> refused = call(http, "127.0.0.1", wrong);
            assertThat(refused.statusCode()).as(wrong + " " + refused.body()).isEqualTo(401);
        }
        InetAddress lan = lanAddress();
        assumeTrue(lan != null, "no non-loopback IPv4 address on this machine");
        HttpResponse<String> remote = call(http, lan.getHostAddress(), token);
        assertThat(remote.statusCode()).as(remote.body()).isEqualTo(403);
        assertThat(remote.body()).contains("adresse de bouclage");
    }

    private HttpResponse<String> call(HttpClient http, String host, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://" + host + ":" + https
                        + "/api/v1/operator/accounts")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InetAddress lanAddress() throws Exception {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    @Test
    @Order(4)
    void withoutARunningServerTheSameCommandsOpenTheDatabaseThemselves() throws Exception {
        server.destroy(); // SIGTERM: the server stops gracefully and releases the file
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("secrets").resolve("operator.token")).as("withdrawn at stop").doesNotExist();

        Result users = cli("users", "list");
        assertThat(users.code()).as(users.output()).isZero();
        assertThat(users.output()).contains("exploit");
        Result enable = cli("users", "enable", "exploit");
        assertThat(enable.code()).as(enable.output()).isZero();
        Result audit = cli("audit", "verify");
        assertThat(audit.code()).as(audit.output()).isZero();
        assertThat(audit.output()).contains("Journal d'audit intègre");
        Result backup = cli("db", "backup", "--out", dir.resolve("apres.zip").toString());
        assertThat(backup.code()).as(backup.output()).isZero();
        assertThat(dir.resolve("apres.zip")).exists();

        // Who did what: the calls served by the server as "opérateur", the command's own as "cli:<user>".
        try (CoreServices core = CoreServices.open(OpalineConfig.load(dir, config))) {
            List<AuditEvent> events = core.audit.latest(500);
            assertThat(events).filteredOn(e -> e.action().equals("ACCOUNT_CREATED"))
                    .extracting(AuditEvent::actorLogin).containsExactly("system:opérateur");
            assertThat(events).filteredOn(e -> e.action().equals("ACCOUNT_DISABLED"))
                    .extracting(AuditEvent::actorLogin).containsExactly("system:opérateur");
            assertThat(events).filteredOn(e -> e.action().equals("OPERATOR_CALL"))
                    .filteredOn(e -> e.actorLogin().equals("system:opérateur")).extracting(AuditEvent::detail)
                    .contains("liste des comptes", "vérification du journal d'audit")
                    .anyMatch(d -> d.startsWith("sauvegarde de la base dans "));
            assertThat(events).filteredOn(e -> e.action().equals("ACCOUNT_ENABLED"))
                    .extracting(AuditEvent::actorLogin).allMatch(login -> login.startsWith("system:cli:"));
        }
    }

    Result withStdin(String text, java.util.function.Supplier<Result> body) {
        java.io.InputStream before = System.in;
        System.setIn(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return body.get();
        } finally {
            System.setIn(before);
        }
    }

    record Result(int code, String output) {
    }

    Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", dir.toString(), "--config", config.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        var line = Main.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(out));
        int code = line.execute(all.toArray(String[]::new));
        return new Result(code, out.toString());
    }

    private static int found(Pattern pattern, String line, int current) {
        Matcher m = pattern.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : current;
    }

    /** A TCP socket in state LISTEN. */
    record Listener(InetAddress address, int port) {
    }

    /** The process's TCP sockets in state LISTEN: its socket inodes, looked up in the kernel's tables. */
    static List<Listener> listeners(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        List<Listener> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String row : lines.subList(1, lines.size())) {
                String[] f = row.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    out.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return out;
    }

    /** /proc/net/tcp{,6} addresses: 32-bit words in the host's (little-endian) order. */
    static InetAddress address(String hex) throws UnknownHostException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return InetAddress.getByAddress(bytes);
    }
}
