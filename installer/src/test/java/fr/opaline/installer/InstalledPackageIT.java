package fr.opaline.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package as CI must see it: built by this module's package phase, installed in a
 * clean folder (dpkg-deb -x, no root needed), and run from there. Checks the package metadata
 * with dpkg-deb, the systemd unit with systemd-analyze and the desktop entry with
 * desktop-file-validate (peers nobody here wrote), then runs the installed launcher over its
 * jlink runtime: --version, server --check, a real server answering /health and stopping on
 * SIGTERM, and seed/backup/restore/audit so that a module missing from the runtime shows.
 */
class InstalledPackageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path deb;
    static Path root;
    static Path opaline;

    @BeforeAll
    static void install() throws Exception {
        Path target = Path.of(System.getProperty("opaline.deb.dir", "target"));
        try (Stream<Path> files = Files.list(target)) {
            deb = files.filter(f -> f.getFileName().toString().matches("opaline_.*\\.deb")).findFirst().orElseThrow(
                    () -> new IllegalStateException("No opaline_*.deb in " + target + ": the package phase builds it"));
        }
        root = dir.resolve("root");
        Command extract = Command.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        assertThat(extract.exit()).as(extract.all()).isZero();
        opaline = root.resolve("opt/opaline/bin/opaline");
    }

    @Test
    void controlFieldsConffilesAndMaintainerScripts() throws Exception {
        Map<String, String> fields = new HashMap<>();
        for (String field : List.of("Package", "Version", "Architecture", "Depends", "Installed-Size")) {
            Command value = Command.run(List.of("dpkg-deb", "-f", deb.toString(), field));
            assertThat(value.exit()).as(value.all()).isZero();
            fields.put(field, value.out().trim());
        }
        assertThat(fields.get("Package")).isEqualTo("opaline");
        assertThat(fields.get("Version")).matches("\\d+\\.\\d+\\.\\d+(~snapshot)?");
        assertThat(fields.get("Depends")).contains("libc6").contains("adduser");
        assertThat(Long.parseLong(fields.get("Installed-Size"))).isGreaterThan(30_000);

        Path control = dir.resolve("control");
        Command unpack = Command.run(List.of("dpkg-deb", "-e", deb.toString(), control.toString()));
        assertThat(unpack.exit()).as(unpack.all()).isZero();
        assertThat(Files.readString(control.resolve("conffiles")).trim()).isEqualTo("/etc/opaline/opaline.properties");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertThat(Files.isExecutable(control.resolve(script))).as(script).isTrue();
            Command syntax = Command.run(List.of("sh", "-n", control.resolve(script).toString()));
            assertThat(syntax.exit()).as(script + ": " + syntax.all()).isZero();
        }
        // md5sums lists every shipped file, with the right digest for the launcher.
        String md5sums = Files.readString(control.resolve("md5sums"));
        Command md5 = Command.run(List.of("md5sum", "opt/opaline/bin/opaline"), Map.of(), root);
        assertThat(md5sums).contains(md5.out().trim());
    }

    @Test
    void filesAreOwnedByRootWithTheExpectedLayout() throws Exception {
        Command contents = Command.run(List.of("dpkg-deb", "--contents", deb.toString()));
        assertThat(contents.exit()).as(contents.all()).isZero();
        List<String> lines = contents.out().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).contains(" root/root "));
        assertThat(contents.out())
                .contains("./opt/opaline/bin/opaline")
                .contains("./opt/opaline/lib/runtime/lib/modules")
                .contains("./opt/opaline/lib/app/opaline.jar")
                .contains("./usr/bin/opaline -> /opt/opaline/bin/opaline")
                .contains("./etc/opaline/opaline.properties")
                .contains("./lib/systemd/system/opaline-server.service")
                .contains("./usr/share/applications/opaline.desktop")
                .contains("./usr/share/icons/hicolor/256x256/apps/opaline.png");
        assertThat(lines.stream().filter(l -> l.endsWith("./opt/opaline/bin/opaline")).findFirst().orElseThrow())
                .startsWith("-rwxr-xr-x");
    }

    @Test
    void systemdUnitPassesSystemdAnalyzeVerify() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze not installed");
        // The unit names the launcher at its installed place; point it at the extracted copy.
        String unit = Files.readString(root.resolve("lib/systemd/system/opaline-server.service"))
                .replace("/opt/opaline/bin/opaline", opaline.toString());
        Path copy = dir.resolve("verify/opaline-server.service");
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, unit);
        Command verify = Command.run(List.of("systemd-analyze", "verify", copy.toString()));
        assertThat(verify.exit()).as(verify.all()).isZero();
        assertThat(verify.all()).as("warnings about the unit").doesNotContain("opaline-server.service");
    }

    @Test
    void desktopEntryPassesDesktopFileValidate() throws Exception {
        assumeTrue(onPath("desktop-file-validate"), "desktop-file-utils not installed");
        Command validate = Command.run(List.of("desktop-file-validate",
                root.resolve("usr/share/applications/opaline.desktop").toString()));
        assertThat(validate.exit()).as(validate.all()).isZero();
        assertThat(validate.all()).isBlank();
    }

    @Test
    void installedCopyPrintsItsVersionAndChecksTheServerConfiguration() throws Exception {
        Command version = Command.run(List.of(opaline.toString(), "--version"));
        assertThat(version.exit()).as(version.all()).isZero();
        assertThat(version.out()).startsWith("Opaline ").contains("Java 17");

        Path home = dir.resolve("check-home");
        Command check = Command.run(List.of(opaline.toString(), "--config",
                root.resolve("etc/opaline/opaline.properties").toString(), "--home", home.toString(), "server", "--check"));
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(check.out()).contains("Configuration valide").contains("scheduled-backups").contains("outbox-worker");
    }

    @Test
    void installedServerAnswersHealthAndStopsGracefullyOnSigterm() throws Exception {
        Path home = dir.resolve("server-home");
        ProcessBuilder builder = new ProcessBuilder(opaline.toString(), "--config",
                root.resolve("etc/opaline/opaline.properties").toString(), "--home", home.toString(), "server");
        builder.environment().put("OPALINE_HEALTH_PORT", "0");
        builder.environment().put("OPALINE_PSC_PROXY_PORT", "0");
        builder.environment().put("OPALINE_PSC_PROXY_BIND", "127.0.0.1");
        builder.environment().put("OPALINE_API_PORT", "0");
        builder.environment().put("OPALINE_API_BIND", "127.0.0.1");
        builder.environment().put("OPALINE_WORKLIST_PORT", "0");
        builder.environment().put("OPALINE_WORKLIST_BINDADDRESS", "127.0.0.1");
        builder.environment().put("OPALINE_LOG_DIR", home.resolve("log").toString());
        builder.environment().put("OPALINE_BACKUP_CATCHUPDELAY", "0");
        builder.redirectErrorStream(true);
        Process server = builder.start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        List<String> all = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // process gone
            }
        });
        reader.start();
        try {
            URI health = null;
            Pattern supervision = Pattern.compile("Supervision : (http://\\S+/health)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (health == null && System.nanoTime() < deadline) {
                String line = output.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    all.add(line);
                    Matcher m = supervision.matcher(line);
                    if (m.find()) {
                        health = URI.create(m.group(1));
                    }
                }
                assertThat(server.isAlive()).as(String.join("\n", all)).isTrue();
            }
            assertThat(health).as(String.join("\n", all)).isNotNull();

            JsonNode body = waitForBackup(health);
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").path("reachable").asBoolean()).isTrue();
            assertThat(body.path("services").findValuesAsText("name")).contains("scheduled-backups")
                    .anyMatch(n -> n.startsWith("outbox-worker"));
            assertThat(body.path("services").findValuesAsText("state")).containsOnly("RUNNING");
            try (Stream<Path> backups = Files.list(home.resolve("backups"))) {
                assertThat(backups.map(p -> p.getFileName().toString())).anyMatch(n -> n.matches("opaline-auto-.*\\.zip"));
            }

            // SIGTERM, as systemctl stop (Process.destroy() would also close our end of its output)
            assertThat(Command.run(List.of("kill", "-TERM", Long.toString(server.pid()))).exit()).isZero();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as("orderly stop on SIGTERM").isZero();
            reader.join(5000);
            output.drainTo(all);
            String log = Files.readString(home.resolve("log/opaline-server.log"));
            assertThat(log).contains("SIGTERM received").contains("Practice server stopping")
                    .contains("Practice server stopped");
            assertThat(String.join("\n", all) + log).doesNotContain("Exception");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void installedRuntimeSeedsBacksUpRestoresAndVerifiesTheAuditTrail() throws Exception {
        Path home = dir.resolve("data-home");
        Command seed = Command.run(List.of(opaline.toString(), "--home", home.toString(), "seed", "--patients", "40",
                "--days", "1", "--start", "2026-03-02"));
        assertThat(seed.exit()).as(seed.all()).isZero();
        Path backup = dir.resolve("backup.zip");
        Command write = Command.run(List.of(opaline.toString(), "--home", home.toString(), "db", "backup", "--out",
                backup.toString()));
        assertThat(write.exit()).as(write.all()).isZero();
        // The practice's secrets folder moves with it: the audit chain's key is not in a backup.
        Files.createDirectories(dir.resolve("other-home/secrets"));
        Files.copy(home.resolve("secrets/audit-chain.key"), dir.resolve("other-home/secrets/audit-chain.key"));
        Command restore = Command.run(List.of(opaline.toString(), "--home", dir.resolve("other-home").toString(), "db",
                "restore", "--in", backup.toString()));
        assertThat(restore.exit()).as(restore.all()).isZero();
        Command verify = Command.run(List.of(opaline.toString(), "--home", dir.resolve("other-home").toString(), "audit",
                "verify"));
        assertThat(verify.exit()).as(verify.all()).isZero();
        assertThat(verify.out()).contains("intègre");
    }

    private static JsonNode waitForBackup(URI health) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JsonNode body = null;
        for (int i = 0; i < 120; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            body = JSON.readTree(response.body());
            for (JsonNode service : body.path("services")) {
                if (service.path("name").asText().equals("scheduled-backups") && !service.path("lastSuccess").isNull()
                        && !service.path("lastSuccess").isMissingNode()) {
                    return body;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No scheduled backup reported by " + health + ": " + body);
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
