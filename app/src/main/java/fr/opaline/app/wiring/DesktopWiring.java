package fr.opaline.app.wiring;

import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.DesktopServices;
import fr.opaline.ui.RecordFeatures;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.DemoSignIn;
import java.time.Duration;
import java.util.Locale;

/**
 * The desktop's wiring: core services, how users sign in, and the workstation preferences read
 * from the configuration ({@code ui.language}, {@code ui.idleLock}, {@code ui.worklistRefresh}); the
 * report editor, the feeding queue and the Administration screen go through the API only
 * ({@link AdministrationWiring} builds the administration area on the server).
 */
public final class DesktopWiring {

    private DesktopWiring() {
    }

    /**
     * @param demo whether this is {@code opaline demo}: the only case where the fictitious-account
     *             picker exists
     */
    public static DesktopContext context(CoreServices core, String version, AuthenticationPort authentication,
                                         boolean demo) {
        return context(core, version, authentication, demo, null);
    }

    /**
     * The desktop going through the practice server's API: sign-in (local accounts, Pro Santé
     * Connect, the demonstration picker), agenda and booking, patient search and record; the other
     * screens still on this process's services until they move to the API.
     *
     * @param api the connection to the practice server (in this process or on the LAN); null: none
     */
    public static DesktopContext context(CoreServices core, String version, AuthenticationPort authentication,
                                         boolean demo, fr.opaline.api.client.ApiClient api) {
        String language = core.config.get("ui.language", "fr");
        if (!language.equals("fr") && !language.equals("en")) {
            throw new IllegalArgumentException("ui.language : « fr » ou « en » attendu, pas « " + language + " »");
        }
        DesktopServices services = new DesktopServices(core.database, core.patients, core.booking, core.clock,
                core.profile.name() == null ? "Opaline" : core.profile.name(),
                describe(core.database.settings()), recordFeatures(core)).withApi(api);
        return new DesktopContext(version, services, api == null ? authentication
                : new fr.opaline.ui.session.ApiSignIn(api, authentication instanceof fr.opaline.ui.session.ProxySignIn psc
                        ? psc : null),
                demo ? new DemoSignIn(core.database, core.audit, core.clock, api) : null,
                Locale.forLanguageTag(language),
                core.config.getDuration("ui.idleLock", Duration.ofMinutes(10)),
                core.config.getDuration("ui.worklistRefresh", Duration.ofSeconds(15)));
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
