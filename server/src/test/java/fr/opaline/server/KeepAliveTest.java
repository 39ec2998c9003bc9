package fr.opaline.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.api.client.ApiClient;
import fr.opaline.platform.http.HttpSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A desktop's pooled connection is closed by the desktop before the server's idle timeout closes
 * it: otherwise a call sent as the server closes fails with "header parser received no bytes"
 * (seen in the journeys under load).
 */
class KeepAliveTest {

    @Test
    void theClientForgetsAnIdleConnectionBeforeTheServerClosesIt() {
        ApiClient.keepIdleConnectionsShorterThanTheServer();
        Duration clientKeepAlive = Duration.ofSeconds(Long.parseLong(System.getProperty("jdk.httpclient.keepalive.timeout")));
        Duration serverIdle = HttpSettings.defaults("API", new InetSocketAddress("127.0.0.1", 0)).idleTimeout();
        assertThat(clientKeepAlive).isLessThan(serverIdle);
    }
}
