package fr.opaline.psc.client;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.Json;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.psc.api.BrowserCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The workstation's loopback listener for a browser login (RFC 8252 §7.3): 127.0.0.1 on a free
 * port, one request to {@code /callback}, a French page telling the user to go back to Opaline.
 */
public final class LoopbackReceiver implements AutoCloseable {

    private final CompletableFuture<BrowserCallback> callback = new CompletableFuture<>();
    private HttpService server;

    private LoopbackReceiver() {
    }

    public static LoopbackReceiver start() {
        LoopbackReceiver receiver = new LoopbackReceiver();
        HttpSettings settings = HttpSettings.defaults("retour du navigateur",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).withThreads(4).withMaxConnections(8)
                .withMaxBodyBytes(0);
        Routes routes = new Routes().get("/callback", exchange -> receiver.handle(
                exchange.query("state").orElse(null), exchange.query("code").orElse(null),
                exchange.query("error").orElse(null), exchange.query("error_description").orElse(null)));
        try {
            receiver.server = new HttpService(settings, routes, Json.mapper()).start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible d'ouvrir le port de retour du navigateur", e);
        }
    }

    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/callback");
    }

    public BrowserCallback await(Duration timeout) {
        try {
            return callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BusinessRuleException("Délai dépassé : la connexion n'a pas été terminée dans le navigateur.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessRuleException("Connexion annulée.");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Reply handle(String state, String code, String error, String errorDescription) {
        boolean first = callback.complete(new BrowserCallback(state, code, error, errorDescription));
        String text = !first ? "Cette page a déjà été utilisée."
                : code != null ? "Connexion transmise à Opaline. Vous pouvez fermer cet onglet."
                : "Connexion interrompue. Revenez à Opaline.";
        return Reply.text(200, "text/html; charset=utf-8", "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>Opaline</title></head><body><p>" + text + "</p></body></html>");
    }

    @Override
    public void close() {
        server.close();
    }
}
