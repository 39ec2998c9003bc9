package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code opaline worklist modalities}: who the worklist lets in, from the catalogue and the configuration. */
class WorklistModalitiesCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsTheRoomsStationAeTitlesAndTheConfiguredOnes() throws Exception {
        Path home = CliRun.memoryHome(dir);
        assertThat(CliRun.opaline(home, "seed", "--patients", "5", "--days", "1").exit()).isZero();
        Files.writeString(home.resolve(fr.opaline.app.config.OpalineConfig.FILE_NAME),
                "worklist.acceptedCallingAeTitles=CONSOLE_POST\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun run = CliRun.opaline(home, "worklist", "modalities");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("OPL_CT1", "salle CT1 « Scanner » (CT)", "OPL_MR1", "OPL_NM1",
                "CONSOLE_POST", "worklist.acceptedCallingAeTitles").doesNotContain("ATTENTION");
    }

    @Test
    void saysLoudlyWhenAnyCallerIsServed() throws Exception {
        Path home = CliRun.memoryHome(dir);
        Files.writeString(home.resolve(fr.opaline.app.config.OpalineConfig.FILE_NAME),
                "worklist.acceptAnyCallingAeTitle=true\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun run = CliRun.opaline(home, "worklist", "modalities");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("ATTENTION", "tout appelant est servi", "aucun");
    }
}
