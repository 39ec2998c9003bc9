package fr.opaline.hl7.mllp;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A peer Opaline sends to by MLLP (DRIMbox source, PFI, teleradiology platform).
 *
 * @param tls null for plain TCP
 */
public record MllpEndpoint(String host, int port, Duration connectTimeout, Duration readTimeout, SSLContext tls) {

    public MllpEndpoint {
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Port MLLP invalide : " + port);
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }

    public static MllpEndpoint of(String host, int port) {
        return new MllpEndpoint(host, port, null, null, null);
    }

    @Override
    public String toString() {
        return (tls != null ? "mllps://" : "mllp://") + host + ":" + port;
    }
}
