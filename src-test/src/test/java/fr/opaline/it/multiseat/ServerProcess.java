package fr.opaline.it.multiseat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.server.ServerRuntime;
import fr.opaline.app.server.StopSignals;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.ApiLauncher;
import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The practice server, in its own JVM, as {@code opaline server} assembles it, with one front-desk
 * account per workstation login given (made as an administrator would, then its provisional
 * password changed). Prints its health address, then {@code API <port> <fingerprint>}.
 * Arguments: config home password login...
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        OpalineConfig config = OpalineConfig.load(Path.of(args[1]), Path.of(args[0]));
        ServerRuntime runtime = ServerRuntime.start(config, ServerAssembly.contributions());
        StopSignals.install(() -> runtime.shutdown(Duration.ofSeconds(20)));
        AccountsWiring accounts = new AccountsWiring(runtime.core());
        for (int i = 3; i < args.length; i++) {
            accounts.administration.create(Actor.system("test"), new NewAccount(args[i], "Accueil " + args[i],
                    Role.SECRETAIRE, null, null, null), "Provisoire-0000-x".toCharArray());
            accounts.authentication.changePassword(args[i], "Provisoire-0000-x".toCharArray(), args[2].toCharArray(), null);
        }
        ApiLauncher api = runtime.server().services().stream().filter(ApiLauncher.class::isInstance)
                .map(ApiLauncher.class::cast).findFirst().orElseThrow();
        System.out.println("HEALTH " + runtime.healthUri().orElseThrow());
        System.out.println("API " + api.port() + " " + api.fingerprint());
        System.out.flush();
        runtime.awaitShutdown();
        System.out.println("STOPPED");
        System.out.flush();
        System.exit(0);
    }
}
