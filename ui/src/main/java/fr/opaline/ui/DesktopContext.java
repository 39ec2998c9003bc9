package fr.opaline.ui;

import fr.opaline.ui.session.AuthenticationPort;
import fr.opaline.ui.session.DemoSignIn;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code app} hands to the desktop: the technical version (shown in the status bar and
 * About), the wired services, how users sign in, and the workstation's preferences.
 *
 * @param demo               the fictitious-account picker; null except in {@code opaline demo}
 * @param idleLock           inactivity before the session locks
 * @param worklistRefresh    how often the worklist monitor reads the day's steps again
 */
public record DesktopContext(String version, DesktopServices services, AuthenticationPort authentication,
                             DemoSignIn demo, Locale locale, Duration idleLock, Duration worklistRefresh) {

    public DesktopContext {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(authentication, "authentication");
        locale = locale == null ? Locale.FRENCH : locale;
        idleLock = idleLock == null ? Duration.ofMinutes(10) : idleLock;
        worklistRefresh = worklistRefresh == null ? Duration.ofSeconds(15) : worklistRefresh;
    }

    public boolean demoMode() {
        return demo != null;
    }
}
