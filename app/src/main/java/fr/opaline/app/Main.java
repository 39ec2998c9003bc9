package fr.opaline.app;

import fr.opaline.app.cli.OpalineCommand;
import fr.opaline.core.audit.AuditKeyException;
import fr.opaline.core.backup.BackupException;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.lifecycle.FatalErrors;
import fr.opaline.core.persistence.DatabaseUnavailableException;
import picocli.CommandLine;

/** Entry point of the {@code opaline} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        FatalErrors.install();
        fr.opaline.api.client.ApiClient.keepIdleConnectionsShorterThanTheServer();
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line with Opaline's error handling: expected errors print one French line. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new OpalineCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof fr.opaline.core.settings.SettingsException || e instanceof BusinessRuleException || e instanceof NotFoundException
                    || e instanceof BackupException || e instanceof IllegalArgumentException
                    || e instanceof AuditKeyException || e instanceof DatabaseUnavailableException) {
                cmd.getErr().println("Erreur : " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("Erreur inattendue : " + e);
            Throwable cause = e.getCause();
            while (cause != null) {
                cmd.getErr().println("  cause : " + cause);
                cause = cause.getCause();
            }
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("Unexpected error", e);
            return 3;
        });
        return commandLine;
    }
}
