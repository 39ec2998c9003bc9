package fr.opaline.platform.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The routes of one server: a method and a path template ({@code /psc/ciba/{requestId}}, or a
 * trailing {@code *} for a whole subtree) each bound to a handler.
 */
public final class Routes {

    /** Answers one request; an {@link HttpError} becomes its status and French message. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Exchange exchange) throws Exception;
    }

    record Route(String method, String[] segments, boolean subtree, Handler handler) {
    }

    /** A route found for a request, with the values of its {@code {parameters}}. */
    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Routes get(String template, Handler handler) {
        return add("GET", template, handler);
    }

    public Routes post(String template, Handler handler) {
        return add("POST", template, handler);
    }

    public Routes put(String template, Handler handler) {
        return add("PUT", template, handler);
    }

    public Routes delete(String template, Handler handler) {
        return add("DELETE", template, handler);
    }

    /** A route for any method (the handler checks it). */
    public Routes any(String template, Handler handler) {
        return add("*", template, handler);
    }

    public Routes add(String method, String template, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        boolean subtree = template.endsWith("/*");
        String path = subtree ? template.substring(0, template.length() - 2) : template;
        routes.add(new Route(method.toUpperCase(Locale.ROOT), split(path), subtree, handler));
        return this;
    }

    /** Every route as "METHOD /template", in the order they were added (for the API's description check). */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Route route : routes) {
            out.add(route.method() + " /" + String.join("/", route.segments()) + (route.subtree() ? "/*" : ""));
        }
        return out;
    }

    /**
     * The route for a request; {@link HttpError} 404 when no template matches the path, 405 when
     * one does but not for that method.
     */
    Match match(String method, String path) {
        String[] actual = split(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> parameters = matches(route, actual);
            if (parameters == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals("*") || route.method().equals(method)
                    || (method.equals("HEAD") && route.method().equals("GET"))) {
                return new Match(route, parameters);
            }
        }
        if (pathKnown) {
            throw new HttpError(405, "method_not_allowed", "Méthode " + method + " non permise ici.");
        }
        throw HttpError.notFound("Adresse inconnue : " + path);
    }

    private static Map<String, String> matches(Route route, String[] actual) {
        String[] expected = route.segments();
        if (route.subtree() ? actual.length < expected.length : actual.length != expected.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1),
                        URLDecoder.decode(actual[i], StandardCharsets.UTF_8));
            } else if (!segment.equals(actual[i])) {
                return null;
            }
        }
        if (route.subtree()) {
            parameters.put("*", String.join("/", java.util.Arrays.copyOfRange(actual, expected.length, actual.length)));
        }
        return parameters;
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
