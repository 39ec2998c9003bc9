package fr.opaline.psc.client;

import fr.opaline.core.common.BusinessRuleException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@link ProxyTransport} over HTTPS to the practice server, trusting its pinned certificate. */
public final class HttpsProxyTransport implements ProxyTransport {

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public HttpsProxyTransport(URI base, ProxyTrust trust, Duration timeout) {
        if (!"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("Le proxy e-santé s'adresse en https:// (" + base + ").");
        }
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .sslContext(trust.sslContext())
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Response exchange(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new BusinessRuleException("Serveur du cabinet injoignable (" + base + ") : "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessRuleException("Connexion interrompue.");
        }
    }
}
