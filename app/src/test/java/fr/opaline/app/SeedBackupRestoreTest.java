package fr.opaline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The acceptance path, through the real command line: seed, backup, wipe, restore give
 * back identical data; the same seed gives the same data.
 */
class SeedBackupRestoreTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run opaline(Path home, String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void seedBackupWipeRestoreGivesIdenticalData() throws Exception {
        Path home = dir.resolve("home");
        Run seed = opaline(home, "seed", "--patients", "1000", "--days", "5", "--seed", "7", "--start", "2026-11-23");
        assertThat(seed.exit()).as(seed.err()).isZero();
        assertThat(seed.out()).contains("1000 patients");
        Path before = dir.resolve("before.zip");
        assertThat(opaline(home, "db", "backup", "--out", before.toString()).exit()).isZero();

        deleteRecursively(home.resolve("data")); // the wipe
        Run restore = opaline(home, "db", "restore", "--in", before.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        Path after = dir.resolve("after.zip");
        assertThat(opaline(home, "db", "backup", "--out", after.toString()).exit()).isZero();

        Map<String, List<String>> original = tables(before);
        Map<String, List<String>> restored = tables(after);
        assertThat(restored.keySet()).isEqualTo(original.keySet());
        for (String table : original.keySet()) {
            if (table.equals("audit_event") || table.equals("audit_head")) {
                continue;
            }
            assertThat(restored.get(table)).as(table).isEqualTo(original.get(table));
        }
        assertThat(original.get("patient")).hasSize(1000);
        // The restore itself is audited: the same events, plus exactly one, chained after them.
        List<String> events = restored.get("audit_event");
        assertThat(events.subList(0, original.get("audit_event").size())).isEqualTo(original.get("audit_event"));
        assertThat(events).hasSize(original.get("audit_event").size() + 1);
        assertThat(events.get(events.size() - 1)).contains("DATABASE_RESTORED");
        Run verify = opaline(home, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameData() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path home : List.of(a, b)) {
            if (home == b) {
                // The audit chain is keyed with each practice's own secret: same key, same hashes.
                Files.createDirectories(b.resolve("secrets"));
                Files.copy(a.resolve("secrets/audit-chain.key"), b.resolve("secrets/audit-chain.key"));
            }
            assertThat(opaline(home, "seed", "--patients", "300", "--days", "3", "--seed", "11", "--start", "2026-06-01")
                    .exit()).isZero();
            assertThat(opaline(home, "db", "backup", "--out", home.resolve("b.zip").toString()).exit()).isZero();
        }
        assertThat(tables(b.resolve("b.zip"))).isEqualTo(tables(a.resolve("b.zip")));
        Path c = dir.resolve("c");
        opaline(c, "seed", "--patients", "300", "--days", "3", "--seed", "12", "--start", "2026-06-01");
        opaline(c, "db", "backup", "--out", c.resolve("b.zip").toString());
        assertThat(tables(c.resolve("b.zip")).get("patient")).isNotEqualTo(tables(a.resolve("b.zip")).get("patient"));
    }

    @Test
    void seedingANonEmptyDatabaseIsRefusedClearly() {
        Path home = dir.resolve("home");
        assertThat(opaline(home, "seed", "--patients", "10", "--days", "1").exit()).isZero();
        Run again = opaline(home, "seed", "--patients", "10", "--days", "1");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("déjà des patients");
    }

    @Test
    void restoringSomethingThatIsNotABackupChangesNothing() throws Exception {
        Path home = dir.resolve("home");
        opaline(home, "seed", "--patients", "10", "--days", "1");
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "pas une sauvegarde");
        Run restore = opaline(home, "db", "restore", "--in", junk.toString());
        assertThat(restore.exit()).isEqualTo(2);
        assertThat(restore.err()).startsWith("Erreur : ");
        Path check = dir.resolve("check.zip");
        opaline(home, "db", "backup", "--out", check.toString());
        assertThat(tables(check).get("patient")).hasSize(10);
    }

    static Map<String, List<String>> tables(Path zip) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(file.entries());
            for (ZipEntry entry : entries) {
                if (entry.getName().startsWith("tables/")) {
                    String content = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                    tables.put(entry.getName().substring(7).replace(".jsonl", ""),
                            content.isEmpty() ? List.of() : List.of(content.split("\n")));
                }
            }
        }
        return tables;
    }

    static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
