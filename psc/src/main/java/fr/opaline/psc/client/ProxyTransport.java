package fr.opaline.psc.client;

/**
 * How the workstation reaches the proxy e-santé: one JSON exchange. {@link HttpsProxyTransport}
 * in production; tests wrap it to record everything the workstation receives.
 */
public interface ProxyTransport {

    /** The answer: HTTP status and JSON body (empty for 204). */
    record Response(int status, String body) {
    }

    /**
     * @param bearer the session handle, or null
     * @param json   the request body, or null
     */
    Response exchange(String method, String path, String bearer, String json);
}
