package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.PracticeServer;
import fr.opaline.core.user.UserRepository;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.ProxySignIn;
import java.awt.Desktop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the desktop signs users in: Pro Santé Connect through the practice server's proxy e-santé
 * when this workstation knows it ({@code ui.psc.*}, {@code psc.proxy.url}, its pinned certificate).
 * Local accounts always sign in through the practice server's API ({@code ApiSignIn}), in one
 * seat as on a workstation: nothing here checks a password in the desktop's process.
 */
public final class SignInWiring {

    private static final Logger LOG = LoggerFactory.getLogger(SignInWiring.class);

    private SignInWiring() {
    }

    /**
     * {@code opaline desktop}: PSC unless {@code ui.psc.enabled=false}, by default only when the
     * proxy's certificate is known ({@code psc.proxy.fingerprint} or its file).
     */
    public static AuthenticationPort workstation(CoreServices core) {
        OpalineConfig config = core.config;
        boolean known = config.get("psc.proxy.fingerprint").isPresent()
                || Files.isRegularFile(PscWiring.certificateFile(config));
        if (!config.getBoolean("ui.psc.enabled", known)) {
            return AuthenticationPort.none();
        }
        return psc(core, PscWiring.client(config, null, null));
    }

    /**
     * A workstation of a practice server on the LAN (no database here): passwords go to the server's
     * API; Pro Santé Connect through the proxy e-santé of that server when this workstation knows its
     * certificate (or {@code ui.psc.enabled}), the account then named by the proxy and checked again
     * by the server when it opens its session.
     */
    public static AuthenticationPort workstation(OpalineConfig config) {
        boolean known = config.get("psc.proxy.fingerprint").isPresent() || config.get("api.fingerprint").isPresent()
                || Files.isRegularFile(PscWiring.certificateFile(config));
        if (!config.getBoolean("ui.psc.enabled", known)) {
            return AuthenticationPort.none();
        }
        Consumer<URI> browser = config.getBoolean("ui.psc.browser", true) ? SignInWiring::openInBrowser : null;
        return new ProxySignIn(PscWiring.client(config, null, null), null, browser,
                config.getDuration("ui.psc.browserTimeout", Duration.ofMinutes(5)));
    }

    /** {@code opaline demo}: the proxy of the practice server it runs, itself pointed at the sandbox PSC. */
    public static AuthenticationPort demo(CoreServices core, PracticeServer server) {
        return server.services().stream().filter(PscProxyLauncher.class::isInstance).map(PscProxyLauncher.class::cast)
                .findFirst()
                .map(proxy -> psc(core, PscWiring.client(core.config, URI.create("https://127.0.0.1:" + proxy.port() + "/"),
                        null)))
                .orElse(AuthenticationPort.none());
    }

    static AuthenticationPort psc(CoreServices core, ProxyClient client) {
        OpalineConfig config = core.config;
        Consumer<URI> browser = config.getBoolean("ui.psc.browser", true) ? SignInWiring::openInBrowser : null;
        return new ProxySignIn(client, id -> new UserRepository(core.database.dsl()).findById(id), browser,
                config.getDuration("ui.psc.browserTimeout", Duration.ofMinutes(5)));
    }

    /** The system browser (the address carries no secret: state, nonce and PKCE stay on the server). */
    static void openInBrowser(URI address) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(address);
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            new ProcessBuilder(os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", address.toString()}
                    : new String[] {"xdg-open", address.toString()}).inheritIO().start();
        } catch (IOException e) {
            LOG.warn("Navigateur introuvable pour {}", address.getHost());
            throw new UncheckedIOException("Impossible d’ouvrir le navigateur de ce poste.", e);
        }
    }
}
