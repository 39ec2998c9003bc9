package fr.opaline.psc.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.psc.api.BrowserCallback;
import fr.opaline.psc.http.UrlEncoded;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The workstation's loopback listener for a browser login (RFC 8252 §7.3): 127.0.0.1 on a free
 * port, one request to {@code /callback}, a French page telling the user to go back to Opaline.
 */
public final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final CompletableFuture<BrowserCallback> callback = new CompletableFuture<>();

    private LoopbackReceiver(HttpServer server) {
        this.server = server;
    }

    public static LoopbackReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            LoopbackReceiver receiver = new LoopbackReceiver(server);
            server.createContext("/callback", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Impossible d'ouvrir le port de retour du navigateur", e);
        }
    }

    public URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
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

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = UrlEncoded.parse(exchange.getRequestURI().getRawQuery());
            boolean first = callback.complete(new BrowserCallback(query.get("state"), query.get("code"), query.get("error"),
                    query.get("error_description")));
            String text = !first ? "Cette page a déjà été utilisée."
                    : query.containsKey("code") ? "Connexion transmise à Opaline. Vous pouvez fermer cet onglet."
                    : "Connexion interrompue. Revenez à Opaline.";
            byte[] page = ("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Opaline</title></head>"
                    + "<body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
