package fr.opaline.app.cli;

import fr.opaline.app.config.OpalineConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code opaline} command. Subcommands are listed here, one class each. */
@Command(name = "opaline",
        // --help / -h and --version / -V on every command and subcommand (inherited), in French.
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        resourceBundle = "fr.opaline.app.cli.StandardHelp",
        versionProvider = VersionProvider.class,
        description = "Opaline RIS : système d'information de radiologie (Ségur vague 2).",
        subcommands = {
                DemoCommand.class,
                DesktopCommand.class,
                ServerCommand.class,
                SandboxCommand.class,
                DbCommand.class,
                AuditCommand.class,
                SeedCommand.class,
                BenchCommand.class,
                ReportCommand.class,
                InsCommand.class,
                PscCommand.class,
                UsersCommand.class,
                CatalogueCommand.class,
                Hl7Command.class,
                MssCommand.class,
                WorklistCommand.class,
                SetupCommand.class,
                DmpCommand.class,
                StatsCommand.class
        })
public final class OpalineCommand implements Runnable {

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Dossier des données et de la configuration (défaut : $OPALINE_HOME ou ~/.opaline).")
    Path home;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Fichier de configuration (défaut : <home>/opaline.properties).")
    Path configFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    OpalineConfig config() {
        return OpalineConfig.load(home, configFile);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
