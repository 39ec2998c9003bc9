package fr.opaline.app.cli;

import fr.opaline.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the real command line with a home folder: exit code and both outputs. */
record CliRun(int exit, String out, String err) {

    /** {@code dir/home} configured on a fresh in-memory H2 database, shared by the commands of one test. */
    static Path memoryHome(Path dir) throws java.io.IOException {
        Path home = java.nio.file.Files.createDirectories(dir.resolve("home"));
        java.nio.file.Files.writeString(home.resolve(fr.opaline.app.config.OpalineConfig.FILE_NAME),
                "db.url=jdbc:h2:mem:cli" + java.util.UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1\ndb.user=sa\n");
        return home;
    }

    static CliRun opaline(Path home, String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return new CliRun(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
