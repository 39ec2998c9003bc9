package fr.opaline.app.cli;

import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.api.client.IncompatibleServerException;
import fr.opaline.app.OpalineVersion;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.ApiLauncher;
import fr.opaline.app.wiring.ApiWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.DesktopWiring;
import fr.opaline.app.wiring.PscWiring;
import fr.opaline.app.wiring.SignInWiring;
import fr.opaline.ui.DesktopLauncher;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.ProxySignIn;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The workstation: the desktop application, through the practice server's API — the server given
 * by {@code --server} (or {@code api.url}), else one started in this process on loopback (single seat).
 */
@Command(name = "desktop", description = {
        "Ouvre l'application de bureau (poste de travail). Avec --server (ou api.url), elle passe par le",
        "serveur du cabinet ; sans, elle démarre le serveur dans ce processus (poste unique)."})
final class DesktopCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "https://hôte:port",
            description = "Adresse du serveur du cabinet (défaut : api.url ; absent : serveur dans ce processus).")
    URI server;

    @Option(names = "--fingerprint", paramLabel = "SHA-256",
            description = "Empreinte SHA-256 du certificat du serveur (défaut : api.fingerprint).")
    String fingerprint;

    @Override
    public Integer call() throws Exception {
        OpalineConfig config = config();
        URI remote = server != null ? server : config.get("api.url").map(URI::create).orElse(null);
        String pinned = fingerprint != null ? fingerprint : config.get("api.fingerprint").orElse(null);
        if (remote != null && pinned == null) {
            err().println("Erreur : empreinte du certificat du serveur inconnue : donnez --fingerprint ou api.fingerprint "
                    + "(affichée au démarrage de « opaline server »).");
            return 2;
        }
        try (CoreServices core = CoreServices.open(config)) {
            AuthenticationPort signIn = SignInWiring.workstation(core);
            ApiLauncher local = null;
            ApiClient api;
            try {
                if (remote == null) {
                    local = ApiLauncher.inProcess(core, false, signIn instanceof ProxySignIn
                            ? PscWiring.client(config, null, null) : null);
                    local.start();
                    api = ApiWiring.connect(config, local.uri(), local.fingerprint());
                } else {
                    api = ApiWiring.connect(config, remote, pinned);
                }
            } catch (IncompatibleServerException e) {
                err().println("Erreur : " + e.getMessage());
                return 3;
            } catch (ApiException e) {
                err().println("Erreur : " + e.getMessage());
                return 3;
            }
            try {
                DesktopLauncher.launch(DesktopWiring.context(core, OpalineVersion.version(), signIn, false, api));
            } finally {
                api.close();
                if (local != null) {
                    local.stop(Duration.ofSeconds(2));
                }
            }
        } catch (UnsupportedOperationException e) {
            err().println(DesktopUnavailable.explain(e));
            return 2;
        }
        return 0;
    }
}
