package fr.opaline.psc.client;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.psc.api.BrowserCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The workstation's loopback listener receives the browser's return once, and says so in French. */
class LoopbackReceiverTest {

    @Test
    void theBrowsersReturnIsReceivedOnceOnLoopback() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            assertThat(receiver.redirectUri().getHost()).isEqualTo("127.0.0.1");
            HttpClient http = HttpClient.newHttpClient();
            URI back = URI.create(receiver.redirectUri() + "?state=etat-1&code=code%2B1");
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(back).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("Connexion transmise à Opaline");

            BrowserCallback callback = receiver.await(Duration.ofSeconds(5));
            assertThat(callback.state()).isEqualTo("etat-1");
            assertThat(callback.code()).isEqualTo("code+1");

            HttpResponse<String> again = http.send(HttpRequest.newBuilder(back).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.body()).contains("Cette page a déjà été utilisée.");
        }
    }
}
