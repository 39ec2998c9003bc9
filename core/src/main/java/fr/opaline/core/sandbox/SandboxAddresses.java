package fr.opaline.core.sandbox;

import java.util.Locale;

/**
 * How the practice server recognises a sandbox address among its national-service endpoints
 * (decision 0020): the stand-ins of {@code opaline sandbox} listen on this machine's loopback
 * only, and no national service (INSi, DMP, Pro Santé Connect, MSSanté, Annuaire santé) ever
 * does. So a national-service address naming the loopback is a sandbox's.
 */
public final class SandboxAddresses {

    private SandboxAddresses() {
    }

    /** True for a URL, {@code host:port} or host naming the loopback (localhost, 127.0.0.0/8, ::1). */
    public static boolean isSandbox(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String host = host(address.strip()).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * The state of a national service whose address is {@code address}, as the start-up log, the
     * health endpoint and the Administration screen say it: "désactivé" (no address: the server
     * never puts a sandbox in its place), "bac à sable" (a sandbox's address) or "actif".
     */
    public static String serviceState(String address) {
        return address == null || address.isBlank() ? "désactivé" : isSandbox(address) ? "bac à sable" : "actif";
    }

    /** The host of a URL ({@code scheme://[user@]host[:port]/…}), of {@code host:port}, or the host itself. */
    static String host(String address) {
        String rest = address;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        int end = indexOfAny(rest, "/?#");
        if (end >= 0) {
            rest = rest.substring(0, end);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return close > 0 ? rest.substring(1, close) : rest.substring(1);
        }
        int colon = rest.indexOf(':');
        if (colon >= 0 && rest.indexOf(':', colon + 1) < 0) {
            return rest.substring(0, colon);
        }
        return rest;
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
