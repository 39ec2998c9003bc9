package fr.opaline.dmp.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * HTTPS transport to the DMP with the practice's certificate for TLS client authentication
 * (JDK HttpClient, HTTP/1.1, TLS 1.2+). Answers larger than {@code maxResponseBytes} are refused.
 */
public final class HttpDmpTransport implements DmpTransport {

    private final HttpClient client;
    private final Duration timeout;
    private final long maxResponseBytes;

    public HttpDmpTransport(SSLContext tls, Duration connectTimeout, Duration timeout, long maxResponseBytes) {
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls)
                .sslParameters(parameters)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Response post(URI endpoint, String contentType, byte[] body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
                if (bytes.length > maxResponseBytes) {
                    throw new IOException("Réponse du DMP trop volumineuse (plus de " + maxResponseBytes + " octets)");
                }
                return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        bytes);
            }
        } catch (HttpTimeoutException e) {
            throw new IOException("Le DMP n'a pas répondu dans le délai (" + timeout.toSeconds() + " s)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Appel au DMP interrompu", e);
        }
    }
}
