package fr.opaline.it.psc;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Keycloak (Maven Central distribution, unpacked by the build) started in dev mode on
 * loopback with an in-memory database, the given realms imported, and CIBA's HTTP authentication
 * channel pointed at the test's e-CPS stand-in. Its build is made once per version and build
 * options and kept between runs ({@link #builtCopy}).
 */
final class KeycloakServer implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path log;

    private KeycloakServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** A JDK Keycloak 26 runs on: Temurin 25 as on the CI machines, else any JDK 21+ under /usr/lib/jvm. */
    static Path java() {
        String configured = System.getProperty("opaline.keycloak.java", System.getenv("OPALINE_KEYCLOAK_JAVA"));
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.filter(p -> p.getFileName().toString().matches(".*-(2[1-9])(-|\\b).*"))
                    .sorted(Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException e) {
            // only the explicit candidates then
        }
        return candidates.stream().filter(p -> Files.isExecutable(p.resolve("bin/java"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Keycloak 26 needs a JDK 21+: none found (tried " + candidates
                        + "); set -Dopaline.keycloak.java=/path/to/jdk"));
    }

    static KeycloakServer start(Path home, Map<String, String> realms, URI cibaChannel, Path workDir) throws Exception {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak distribution missing at " + home + " (run the build: mvn -pl src-test -am verify)");
        }
        Path imports = home.resolve("data/import");
        if (Files.isDirectory(imports)) {
            try (Stream<Path> old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(imports);
        for (var realm : realms.entrySet()) {
            Files.writeString(imports.resolve(realm.getKey() + "-realm.json"), realm.getValue(), StandardCharsets.UTF_8);
        }
        int port = freePort();
        int management = freePort();
        Files.createDirectories(workDir);
        Path log = workDir.resolve("keycloak.log");
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        command.addAll(BUILD_OPTIONS);
        command.addAll(List.of("--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management,
                "--import-realm",
                "--spi-ciba-auth-channel--ciba-http-auth-channel--http-authentication-channel-uri=" + cibaChannel));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", java().toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        builder.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        builder.environment().remove("KC_DB");
        Path built = builtCopy(home);
        boolean reused = restoreBuild(built, home);
        Process process = builder.start();
        KeycloakServer server = new KeycloakServer(process, URI.create("http://127.0.0.1:" + port + "/"), log);
        server.awaitReady(realms.keySet().iterator().next(), Duration.ofMinutes(8));
        if (!reused) {
            keepBuild(home, built);
        }
        return server;
    }

    /**
     * Where the dev-mode build of this distribution (Quarkus augmentation for {@link #BUILD_OPTIONS},
     * {@code lib/quarkus}) is kept between runs: {@code ~/.cache/opaline/keycloak/<version>-<options>}
     * ({@code $XDG_CACHE_HOME}, or {@code -Dopaline.keycloak.cache}). A fresh distribution (a clean
     * clone's target/) would otherwise rebuild at its first start: 104 s measured on the 2-core CI
     * machine under load. Keycloak starts without rebuilding when the persisted build has the same
     * build options; runtime options (ports, the CIBA channel) do not count.
     */
    static Path builtCopy(Path home) {
        String configured = System.getProperty("opaline.keycloak.cache");
        Path root;
        if (configured != null && !configured.isBlank()) {
            root = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            root = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                    .resolve("opaline").resolve("keycloak");
        }
        String key = String.join(" ", BUILD_OPTIONS) + " " + java().getFileName();
        return root.resolve(home.getFileName() + "-" + Integer.toHexString(key.hashCode()));
    }

    /** Build-time options of the dev-mode start; a change of these means another cached build. */
    static final List<String> BUILD_OPTIONS = List.of("start-dev", "--db=dev-mem", "--cache=local");

    private static final List<String> BUILD_FILES = List.of("build-system.properties", "generated-bytecode.jar",
            "quarkus-application.dat", "transformed-bytecode.jar");

    /** Puts the kept build into the distribution; false when there is none yet. */
    static boolean restoreBuild(Path built, Path home) throws IOException {
        if (!BUILD_FILES.stream().allMatch(f -> Files.isRegularFile(built.resolve(f)))) {
            return false;
        }
        for (String file : BUILD_FILES) {
            Files.copy(built.resolve(file), home.resolve("lib/quarkus").resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    /** Keeps the build Keycloak just made (written aside, then renamed: concurrent runs never see half of it). */
    static void keepBuild(Path home, Path built) {
        try {
            Files.createDirectories(built.getParent());
            Path partial = Files.createTempDirectory(built.getParent(), built.getFileName() + ".partial-");
            for (String file : BUILD_FILES) {
                Files.copy(home.resolve("lib/quarkus").resolve(file), partial.resolve(file));
            }
            try {
                Files.move(partial, built, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException alreadyKept) {
                for (String file : BUILD_FILES) {
                    Files.deleteIfExists(partial.resolve(file));
                }
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // no cache this time: the next run builds again
        }
    }

    URI discovery(String realm) {
        return base.resolve("realms/" + realm + "/.well-known/openid-configuration");
    }

    URI realm(String realm) {
        return base.resolve("realms/" + realm + "/");
    }

    private void awaitReady(String realm, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start-up:\n" + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery(realm))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + timeout + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
