package fr.opaline.ui;

import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.scheduling.BookingService;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The core services the desktop works with, wired by {@code app}. Every call on them may touch
 * the database: screens reach them through {@link fr.opaline.ui.concurrent.Background} only.
 *
 * @param practiceName         shown in the title bar
 * @param databaseDescription  shown in the status bar ("H2 local", "PostgreSQL sur …")
 * @param record               which INSi and DMP services of the patient record the server offers
 * @param outbox               the durable outbox, for the feeding queue screen; null: the screen is not offered
 * @param api                  the practice server's API: sign-in, agenda and booking, patient search and
 *                             record go through it (the other screens still use the services above);
 *                             null only in unit tests that drive the screens on the services directly
 */
public record DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                              String practiceName, String databaseDescription, RecordFeatures record,
                              fr.opaline.core.outbox.Outbox outbox, fr.opaline.api.client.ApiClient api) {

    public DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                           String practiceName, String databaseDescription, RecordFeatures record,
                           fr.opaline.core.outbox.Outbox outbox) {
        this(database, patients, booking, clock, practiceName, databaseDescription, record, outbox, null);
    }

    public DesktopServices {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(clock, "clock");
        record = record == null ? RecordFeatures.NONE : record;
    }

    public DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                           String practiceName, String databaseDescription, RecordFeatures record) {
        this(database, patients, booking, clock, practiceName, databaseDescription, record, null);
    }

    /** The same services with the outbox the feeding queue screen shows. */
    public DesktopServices withOutbox(fr.opaline.core.outbox.Outbox queue) {
        return new DesktopServices(database, patients, booking, clock, practiceName, databaseDescription, record, queue,
                api);
    }

    /** The same services reached through the practice server's API where it serves them. */
    public DesktopServices withApi(fr.opaline.api.client.ApiClient client) {
        return new DesktopServices(database, patients, booking, clock, practiceName, databaseDescription, record, outbox,
                client);
    }

    /** Core services only: the record works without INSi and the DMP. */
    public DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                           String practiceName, String databaseDescription) {
        this(database, patients, booking, clock, practiceName, databaseDescription, RecordFeatures.NONE);
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
