package fr.opaline.app.cli;

import fr.opaline.app.config.OpalineConfig;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the subcommands: the configuration from the root's options, and the outputs. */
abstract class Subcommand {

    @Spec
    CommandSpec spec;

    OpalineConfig config() {
        return ((OpalineCommand) spec.root().userObject()).config();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
