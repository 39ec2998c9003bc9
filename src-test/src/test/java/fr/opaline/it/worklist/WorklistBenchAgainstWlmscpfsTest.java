package fr.opaline.it.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.opaline.app.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The worklist comparison is fair: the worklist {@code opaline bench worklist --export} writes,
 * once turned into .wl files by DCMTK's dump2dcm, makes DCMTK's wlmscpfs give exactly the
 * answers Opaline gives to the same queries.
 */
class WorklistBenchAgainstWlmscpfsTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run opaline(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--home", dir.resolve("home").toString()));
        all.addAll(List.of(args));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    static long totalAnswers(Run run) {
        Matcher m = Pattern.compile("(\\d+) réponses au total, 0 échec").matcher(run.out());
        if (!m.find()) {
            fail("pas de total dans : " + run.out() + run.err());
        }
        return Long.parseLong(m.group(1));
    }

    /** Its throwaway database's audit chain is anchored apart: a second run in the same home is not refused. */
    @Test
    void theBenchRunsTwiceInTheSameHome() throws Exception {
        for (int run = 1; run <= 2; run++) {
            Run bench = opaline("bench", "worklist", "--items", "40", "--queries", "20", "--clients", "1", "--warmup",
                    "2");
            assertThat(bench.exit()).as("run " + run + ": " + bench.out() + bench.err()).isZero();
            assertThat(bench.out()).contains("requêtes/s");
        }
    }

    @Test
    void wlmscpfsServingTheExportedWorklistAnswersLikeOpaline() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db/bench") + ";DB_CLOSE_DELAY=-1";
        Path export = dir.resolve("export");
        Run ours = opaline("bench", "worklist", "--items", "120", "--queries", "80", "--clients", "2", "--warmup", "5",
                "--db-url", db, "--export", export.toString());
        assertThat(ours.exit()).as(ours.out() + ours.err()).isZero();
        assertThat(ours.out()).contains("p50").contains("p95").contains("p99").contains("requêtes/s");
        long opalineAnswers = totalAnswers(ours);
        assertThat(opalineAnswers).isPositive();

        List<Path> dumps;
        try (Stream<Path> files = Files.list(export.resolve("OPALINE"))) {
            dumps = files.filter(f -> f.toString().endsWith(".dump")).toList();
        }
        assertThat(dumps).hasSize(120);
        for (Path dump : dumps) {
            String wl = dump.toString().replace(".dump", ".wl");
            assertThat(run("dump2dcm", "-q", dump.toString(), wl)).isZero();
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process wlmscpfs = new ProcessBuilder(require("wlmscpfs"), "-dfp", export.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("wlmscpfs.log").toFile()).start();
        try {
            Thread.sleep(500);
            Run theirs = opaline("bench", "worklist", "--queries", "80", "--clients", "2", "--warmup", "5",
                    "--db-url", db, "--reuse", "--peer", "127.0.0.1:" + port);
            assertThat(theirs.exit()).as(theirs.out() + theirs.err() + Files.readString(dir.resolve("wlmscpfs.log")))
                    .isZero();
            assertThat(totalAnswers(theirs)).as("same queries, same worklist, same answers").isEqualTo(opalineAnswers);
        } finally {
            wlmscpfs.destroy();
            wlmscpfs.waitFor(5, TimeUnit.SECONDS);
        }
    }

    static String require(String tool) {
        for (String path : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(path, tool))) {
                return Path.of(path, tool).toString();
            }
        }
        return fail("DCMTK « " + tool + " » introuvable : installez le paquet Debian dcmtk (apt-get install dcmtk).");
    }

    static int run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        args.set(0, require(command[0]));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor();
    }
}
