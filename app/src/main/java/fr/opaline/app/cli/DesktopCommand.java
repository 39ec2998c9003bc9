package fr.opaline.app.cli;

import fr.opaline.app.OpalineVersion;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.DesktopWiring;
import fr.opaline.app.wiring.SignInWiring;
import fr.opaline.ui.DesktopLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The workstation: the desktop application on the machine's configured database (the practice's
 * PostgreSQL on a multi-seat install), what the desktop entry of the packages starts.
 */
@Command(name = "desktop", description = {
        "Ouvre l'application de bureau (poste de travail) sur la base configurée (db.url) :",
        "la base PostgreSQL du cabinet sur une installation à plusieurs postes."})
final class DesktopCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        try (CoreServices core = CoreServices.open(config())) {
            DesktopLauncher.launch(DesktopWiring.context(core, OpalineVersion.version(), SignInWiring.workstation(core), false));
        } catch (UnsupportedOperationException e) {
            err().println(DesktopUnavailable.explain(e));
            return 2;
        }
        return 0;
    }
}
