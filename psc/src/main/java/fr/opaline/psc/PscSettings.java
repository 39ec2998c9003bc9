package fr.opaline.psc;

import fr.opaline.core.settings.Settings;
import fr.opaline.psc.oidc.OidcProviderConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Pro Santé Connect settings of one process that are not secret ({@code psc.*}), read once from
 * the configuration and shared by the practice server and the CLI: which identity providers the
 * proxy e-santé offers, where the proxy listens, how long a session lasts. Each provider's client
 * secret and certificate ({@code psc.provider.<id>.clientSecret…}) are read only where its client
 * is built, on the server.
 *
 * @param providers     {@code psc.providers} (PSC alone when only {@code psc.provider.psc.discovery} is set);
 *                      empty: sign-in with PSC is off, never replaced by a sandbox
 * @param pscDiscovery  the discovery address of Pro Santé Connect when it is among the providers; null otherwise
 * @param proxyEnabled  {@code psc.proxy.enabled}: this server runs the proxy e-santé
 */
public record PscSettings(List<String> providers, String defaultProvider, String pscDiscovery, boolean proxyEnabled,
                          String proxyBind, int proxyPort, Duration sessionMaxAge) {

    public static final int DEFAULT_PORT = 8443;

    public PscSettings {
        providers = List.copyOf(providers);
    }

    public static PscSettings from(Settings settings) {
        List<String> ids = list(settings.get("psc.providers").orElse(""));
        if (ids.isEmpty() && settings.get("psc.provider.psc.discovery").isPresent()) {
            ids = List.of(OidcProviderConfig.PSC);
        }
        String discovery = ids.contains(OidcProviderConfig.PSC)
                ? settings.get("psc.provider.psc.discovery").orElse(null) : null;
        return new PscSettings(ids, settings.get("psc.default").orElse(null), discovery,
                settings.getBoolean("psc.proxy.enabled", true), settings.get("psc.proxy.bind", "0.0.0.0"),
                settings.getInt("psc.proxy.port", DEFAULT_PORT),
                settings.getDuration("psc.session.maxAge", Duration.ofHours(12)));
    }

    /** A comma- or space-separated list. */
    public static List<String> list(String value) {
        return Arrays.stream(value.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Sign-in with an identity provider is offered. */
    public boolean enabled() {
        return !providers.isEmpty();
    }

    /** The main settings an administrator checks (no secret here), key → value. */
    public Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("psc.providers", providers.isEmpty() ? "aucun" : String.join(", ", providers));
        if (pscDiscovery != null) {
            shown.put("psc.provider.psc.discovery", pscDiscovery);
        }
        shown.put("psc.proxy.port", proxyEnabled ? proxyBind + ":" + proxyPort : "proxy e-santé arrêté");
        shown.put("psc.session.maxAge", sessionMaxAge.toString());
        return shown;
    }
}
