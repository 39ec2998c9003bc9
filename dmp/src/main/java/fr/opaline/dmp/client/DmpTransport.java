package fr.opaline.dmp.client;

import java.io.IOException;
import java.net.URI;

/** Carries one SOAP exchange to the DMP: HTTP POST over mutual TLS in production. */
public interface DmpTransport {

    /** What came back: HTTP status, Content-Type and body. */
    record Response(int status, String contentType, byte[] body) {
    }

    /**
     * @throws IOException when the DMP could not be reached or did not answer in time
     */
    Response post(URI endpoint, String contentType, byte[] body) throws IOException;
}
