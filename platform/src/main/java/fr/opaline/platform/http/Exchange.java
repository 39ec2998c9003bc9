package fr.opaline.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a route sees it: method, path and its {@code {parameters}}, query, headers, the
 * caller's address and TLS client certificate, and the body, read within the server's size and
 * time bounds.
 */
public final class Exchange {

    private final String method;
    private final String path;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final InetSocketAddress remote;
    private final X509Certificate[] clientCertificates;
    private final BodySource body;
    private final ObjectMapper mapper;
    private byte[] bytes;

    /** Reads the body at most once, bounded; implemented by {@link HttpService}. */
    interface BodySource {
        byte[] read() throws IOException;
    }

    Exchange(String method, String path, Map<String, String> pathParameters, Map<String, List<String>> query,
             Map<String, String> headers, InetSocketAddress remote, X509Certificate[] clientCertificates,
             BodySource body, ObjectMapper mapper) {
        this.method = method;
        this.path = path;
        this.pathParameters = Map.copyOf(pathParameters);
        this.query = query;
        this.headers = headers;
        this.remote = remote;
        this.clientCertificates = clientCertificates == null ? new X509Certificate[0] : clientCertificates;
        this.body = body;
        this.mapper = mapper;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The value of a {@code {name}} segment of the route's path. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no path parameter " + name);
        }
        return value;
    }

    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /** A request header, case-insensitive. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The bearer token of the {@code Authorization} header, if any. */
    public Optional<String> bearer() {
        return header("Authorization").filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip()).filter(h -> !h.isEmpty());
    }

    /** A cookie sent by the client. */
    public Optional<String> cookie(String name) {
        return header("Cookie").flatMap(all -> {
            for (String part : all.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    return Optional.of(part.substring(eq + 1).strip());
                }
            }
            return Optional.empty();
        });
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public InetAddress remoteAddress() {
        return remote.getAddress();
    }

    /** The TLS client certificate chain, empty without TLS or without a certificate. */
    public X509Certificate[] clientCertificates() {
        return clientCertificates.clone();
    }

    /** The whole body (bounded by the server's settings; 413 beyond). */
    public byte[] body() throws IOException {
        if (bytes == null) {
            bytes = body.read();
        }
        return bytes;
    }

    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body read as JSON into the type; an unreadable body is a 400 in French. */
    public <T> T json(Class<T> type) throws IOException {
        byte[] raw = body();
        if (raw.length == 0) {
            throw HttpError.badRequest("Requête vide : un corps JSON est attendu.");
        }
        try {
            return mapper.readValue(raw, type);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw HttpError.badRequest("Requête illisible : JSON invalide.");
        }
    }

    /** An {@code application/x-www-form-urlencoded} body as name → first value. */
    public Map<String, String> form() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = bodyText();
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}
