package fr.opaline.app.cli;

import fr.opaline.api.OperatorApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.api.client.ApiException;
import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.OperatorWiring;
import fr.opaline.core.common.Actor;
import fr.opaline.platform.tls.TlsIdentity;
import fr.opaline.server.operator.OperatorCredential;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where an operator command runs (decision 0310): through the practice server running on this
 * machine, when it published its operator credential ({@code secrets/operator.token}) and answers
 * on loopback; else over the database the command opens itself, as "cli:&lt;user&gt;".
 */
final class OperatorLink implements AutoCloseable {

    private final ApiClient client;
    private final CoreServices core;
    private final OperatorApi api;

    private OperatorLink(ApiClient client, CoreServices core, OperatorApi api) {
        this.client = client;
        this.core = core;
        this.api = api;
    }

    /** The running server's operator area, or the database opened here when no server runs. */
    static OperatorLink open(OpalineConfig config) {
        Optional<ApiClient> running = running(config);
        if (running.isPresent()) {
            return new OperatorLink(running.get(), null, running.get().api(OperatorApi.class));
        }
        CoreServices core = CoreServices.open(config);
        try {
            return new OperatorLink(null, core, OperatorWiring.endpoint(core, localActor()));
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
    }

    static Actor localActor() {
        return Actor.system("cli:" + System.getProperty("user.name", "?"));
    }

    /**
     * A client of the practice server running on this machine, presenting its operator credential;
     * empty when there is no credential file, or when nothing answers at its address any more (a
     * server that did not stop cleanly).
     */
    static Optional<ApiClient> running(OpalineConfig config) {
        Path file = OperatorWiring.tokenFile(config);
        Optional<OperatorCredential.Published> published;
        try {
            published = OperatorCredential.read(file);
        } catch (AccessDeniedException e) {
            throw new ConfigException("le serveur du cabinet tourne mais " + file + " n'est lisible que par son compte : "
                    + "lancez la commande avec ce compte (par exemple sudo -u opaline opaline …).");
        } catch (IOException e) {
            throw new ConfigException("jeton d'opérateur illisible (" + e.getMessage() + ").");
        }
        if (published.isEmpty()) {
            return Optional.empty();
        }
        OperatorCredential.Published server = published.get();
        TlsIdentity key = TlsIdentity.create("Opaline (commande d'exploitation)", List.of(), TlsIdentity.Usage.CLIENT,
                Duration.ofHours(1));
        try {
            return Optional.of(ApiClient.connect(server.uri(), server.fingerprint(), key,
                    config.getDuration("operator.timeout", Duration.ofMinutes(10))).presenting(server.token()));
        } catch (ApiException e) {
            if (e.error().equals("unreachable")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    OperatorApi api() {
        return api;
    }

    /** Whether the call goes through the running server. */
    boolean throughServer() {
        return client != null;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        if (core != null) {
            core.close();
        }
    }
}
