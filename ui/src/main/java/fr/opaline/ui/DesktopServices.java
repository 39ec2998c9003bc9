package fr.opaline.ui;

import fr.opaline.api.client.ApiClient;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the desktop works with, wired by {@code app}: the practice server's API and nothing else of
 * the data (no database, no domain service: every read and action goes through the server, which
 * authorises and audits it). Every call may wait on the network: screens reach it through
 * {@link fr.opaline.ui.concurrent.Background} only.
 *
 * @param api                  the practice server's API (on the LAN, or in this process on loopback)
 * @param clock                the workstation's clock and zone (display, "today")
 * @param practiceName         shown in the title bar
 * @param databaseDescription  where the data lives, shown in the status bar and About ("serveur du cabinet …")
 * @param record               which INSi and DMP services of the patient record the server offers
 */
public record DesktopServices(ApiClient api, Clock clock, String practiceName, String databaseDescription,
                              RecordFeatures record) {

    public DesktopServices {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(clock, "clock");
        record = record == null ? RecordFeatures.NONE : record;
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
