package fr.opaline.ins.insi;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How to reach the téléservice: endpoint, time limit, the software's identity for the
 * ContexteLPS (IDAM number and version granted by the Assurance Maladie, name, instance), the
 * emitter for the ContexteBAM, and the TLS context holding the practice's certificate.
 */
public record InsiSettings(URI endpoint, Duration timeout, String lpsIdam, String lpsVersion, String lpsName,
                           String lpsInstance, String emitter, SSLContext sslContext) {

    public static InsiSettings of(URI endpoint, Duration timeout) {
        return new InsiSettings(endpoint, timeout, "OPALINE", "0.1", "Opaline", "opaline", "opaline", null);
    }
}
