package fr.opaline.app.wiring;

import fr.opaline.api.client.ApiClient;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.DesktopServices;
import fr.opaline.ui.RecordFeatures;
import fr.opaline.ui.session.ApiSignIn;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.DemoSignIn;
import fr.opaline.ui.session.ProxySignIn;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The desktop's wiring: the connection to the practice server's API (every screen goes through
 * it), how users sign in, and the workstation preferences read from the configuration
 * ({@code ui.language}, {@code ui.idleLock}, {@code ui.worklistRefresh}); the practice's name comes
 * from the server. The desktop receives no database and no domain service.
 */
public final class DesktopWiring {

    private DesktopWiring() {
    }

    /**
     * The desktop of a process that also runs the practice server (single seat, {@code opaline demo}):
     * the database's description and the record's services read here, everything else (the practice's
     * name included) through the API on loopback.
     *
     * @param demo whether this is {@code opaline demo}: the only case where the fictitious-account
     *             picker exists
     */
    public static DesktopContext context(CoreServices core, String version, AuthenticationPort authentication,
                                         boolean demo, ApiClient api) {
        return context(core.config, core.clock, practiceName(api), describe(core.database.settings()), recordFeatures(core), version, authentication, demo, api);
    }

    /**
     * The desktop of a workstation on the LAN: no database here. The record offers INSi, the DICA and
     * the DMP consultation; where the server has one of them switched off it answers so, in French.
     */
    public static DesktopContext workstation(OpalineConfig config, String version, AuthenticationPort authentication,
                                             ApiClient api) {
        return context(config, Clock.system(CoreServices.PRACTICE_ZONE), practiceName(api),
                "serveur du cabinet " + api.base().getHost() + ":" + api.base().getPort(),
                new RecordFeatures(true, true, true), version, authentication, false, api);
    }

    /** The practice's name as its server gives it (before any sign-in); "Opaline" while it has none. */
    static String practiceName(ApiClient api) {
        String name = api.api(fr.opaline.api.SessionApi.class).practice().name();
        return name == null || name.isBlank() ? "Opaline" : name;
    }

    private static DesktopContext context(OpalineConfig config, Clock clock, String practiceName, String where,
                                          RecordFeatures features, String version, AuthenticationPort authentication,
                                          boolean demo, ApiClient api) {
        String language = config.get("ui.language", "fr");
        if (!language.equals("fr") && !language.equals("en")) {
            throw new IllegalArgumentException("ui.language : « fr » ou « en » attendu, pas « " + language + " »");
        }
        DesktopServices services = new DesktopServices(api, clock, practiceName, where, features);
        return new DesktopContext(version, services,
                new ApiSignIn(api, authentication instanceof ProxySignIn psc ? psc : null),
                demo ? new DemoSignIn(api) : null,
                Locale.forLanguageTag(language),
                config.getDuration("ui.idleLock", Duration.ofMinutes(10)),
                config.getDuration("ui.worklistRefresh", Duration.ofSeconds(15)));
    }

    /**
     * What the patient record offers beyond core, all served by the practice server's API: INSi
     * (answers "non configuré" without {@code insi.url}), DMP consent and DICA, the DMP consultation
     * (only with {@code dmp.url}).
     */
    static RecordFeatures recordFeatures(CoreServices core) {
        return new RecordFeatures(true, true, DmpWiring.configured(core.config));
    }

    /** "H2 locale" or "PostgreSQL host:port/base", never the credentials. */
    static String describe(DatabaseSettings settings) {
        if (settings.isH2()) {
            return "H2 locale";
        }
        String url = settings.jdbcUrl();
        String rest = url.startsWith("jdbc:postgresql://") ? url.substring("jdbc:postgresql://".length())
                : url.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        return "PostgreSQL " + (query < 0 ? rest : rest.substring(0, query));
    }
}
