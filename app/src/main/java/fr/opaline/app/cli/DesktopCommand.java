package fr.opaline.app.cli;

import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
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
        try {
            return remote == null ? singleSeat(config) : workstation(config, remote, pinned);
        } catch (UnsupportedOperationException e) {
            err().println(DesktopUnavailable.explain(e));
            return 2;
        }
    }

    /**
     * A workstation of a practice server on the LAN: no database, no domain service in this process,
     * only the server's URL, its certificate's fingerprint and this workstation's key.
     */
    private int workstation(OpalineConfig config, URI remote, String pinned) throws Exception {
        ApiClient api;
        try {
            api = ApiWiring.connect(config, remote, pinned);
        } catch (ApiException e) {
            err().println("Erreur : " + e.getMessage());
            return 3;
        }
        try (api) {
            DesktopLauncher.launch(DesktopWiring.workstation(config, OpalineVersion.version(),
                    SignInWiring.workstation(config), api));
        }
        return 0;
    }

    /** One seat: the practice server in this process, the desktop through its API on loopback. */
    private int singleSeat(OpalineConfig config) throws Exception {
        try (CoreServices core = CoreServices.open(config)) {
            AuthenticationPort signIn = SignInWiring.workstation(core);
            ApiLauncher local = ApiLauncher.inProcess(core, false, signIn instanceof ProxySignIn
                    ? PscWiring.client(config, null, null) : null);
            ApiClient api;
            try {
                local.start();
                api = ApiWiring.connect(config, local.uri(), local.fingerprint());
            } catch (ApiException e) {
                err().println("Erreur : " + e.getMessage());
                local.stop(Duration.ofSeconds(2));
                return 3;
            }
            try (api) {
                DesktopLauncher.launch(DesktopWiring.context(core, OpalineVersion.version(), signIn, false, api));
            } finally {
                local.stop(Duration.ofSeconds(2));
            }
        }
        return 0;
    }
}
