package fr.opaline.platform.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a route answers: a status, headers, and a body written once (bytes, JSON, text) or streamed
 * ({@link #stream}, for server-sent events).
 */
public final class Reply {

    /** Writes a streamed body; returns when the stream is over. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;
    final Object json;
    final BodyWriter stream;

    private Reply(int status, String contentType, byte[] body, Object json, BodyWriter stream) {
        this.status = status;
        this.body = body;
        this.json = json;
        this.stream = stream;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Cache-Control", "no-store");
    }

    /** 200 with the value as JSON (UTF-8). */
    public static Reply json(Object value) {
        return json(200, value);
    }

    public static Reply json(int status, Object value) {
        return new Reply(status, "application/json; charset=utf-8", null, Objects.requireNonNull(value), null);
    }

    public static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body.clone(), null, null);
    }

    public static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    public static Reply noContent() {
        return new Reply(204, null, new byte[0], null, null);
    }

    /** 302 to the location (a browser sign-in's redirection). */
    public static Reply redirect(String location) {
        return new Reply(302, null, new byte[0], null, null).header("Location", location);
    }

    /** A body written by the route on the worker thread, flushed as it goes (server-sent events). */
    public static Reply stream(String contentType, BodyWriter writer) {
        return new Reply(200, contentType, null, null, Objects.requireNonNull(writer));
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }
}
