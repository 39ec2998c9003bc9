package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.app.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 19: {@code --help} and {@code -h} answer on every registered command and subcommand, exit code 0. */
class HelpOnEveryCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandAndSubcommandAnswersHelpWithExitCodeZero() throws Exception {
        Path home = CliRun.memoryHome(dir);
        List<List<String>> commands = new ArrayList<>();
        walk(Main.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).as("the root, its subcommands and theirs").hasSizeGreaterThan(40);
        for (List<String> path : commands) {
            for (String help : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(help);
                CliRun run = CliRun.opaline(home, args.toArray(String[]::new));
                String shown = "opaline " + String.join(" ", args);
                assertThat(run.exit()).as(shown + " : " + run.err()).isZero();
                assertThat(run.out()).as(shown).contains("Usage: opaline" + (path.isEmpty() ? "" : " " + String.join(" ", path)))
                        .contains("Affiche cette aide et quitte.");
                assertThat(run.err()).as(shown).isEmpty();
            }
        }
    }

    @Test
    void aSubcommandAlsoAnswersVersion() throws Exception {
        CliRun run = CliRun.opaline(CliRun.memoryHome(dir), "db", "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isNotBlank();
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases lead to the same command
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                walk(sub, deeper, into);
            }
        });
    }
}
