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
 * @param record               INSi and DMP services of the patient record
 * @param outbox               the durable outbox, for the feeding queue screen; null: the screen is not offered
 * @param api                  the practice server's API: sign-in, agenda and booking, patient search and
 *                             record go through it (the other screens still use the services above);
 *                             null only in unit tests that drive the screens on the services directly
 * @param audit                the process's audit trail, with the practice's audit key (a keyed chain refuses
 *                             a writer without it); null only in unit tests over an unkeyed database
 */
public record DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                              String practiceName, String databaseDescription, RecordServices record,
                              fr.opaline.core.outbox.Outbox outbox, fr.opaline.api.client.ApiClient api,
                              fr.opaline.core.audit.AuditTrail audit) {

    public DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                           String practiceName, String databaseDescription, RecordServices record,
                           fr.opaline.core.outbox.Outbox outbox, fr.opaline.api.client.ApiClient api) {
        this(database, patients, booking, clock, practiceName, databaseDescription, record, outbox, api, null);
    }

    public DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                           String practiceName, String databaseDescription, RecordServices record,
                           fr.opaline.core.outbox.Outbox outbox) {
        this(database, patients, booking, clock, practiceName, databaseDescription, record, outbox, null);
    }

    public DesktopServices {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(patients, "patients");
        Objects.requireNonNull(booking, "booking");
        Objects.requireNonNull(clock, "clock");
        record = record == null ? RecordServices.NONE : record;
        audit = audit == null ? new fr.opaline.core.audit.AuditTrail(database, clock) : audit;
    }

    public DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                           String practiceName, String databaseDescription, RecordServices record) {
        this(database, patients, booking, clock, practiceName, databaseDescription, record, null);
    }

    /** The same services with the outbox the feeding queue screen shows. */
    public DesktopServices withOutbox(fr.opaline.core.outbox.Outbox queue) {
        return new DesktopServices(database, patients, booking, clock, practiceName, databaseDescription, record, queue,
                api, audit);
    }

    /** The same services reached through the practice server's API where it serves them. */
    public DesktopServices withApi(fr.opaline.api.client.ApiClient client) {
        return new DesktopServices(database, patients, booking, clock, practiceName, databaseDescription, record, outbox,
                client, audit);
    }

    /** The same services writing to the practice's keyed audit trail. */
    public DesktopServices withAudit(fr.opaline.core.audit.AuditTrail trail) {
        return new DesktopServices(database, patients, booking, clock, practiceName, databaseDescription, record, outbox,
                api, trail);
    }

    /** Core services only: the record works without INSi and the DMP. */
    public DesktopServices(Database database, PatientService patients, BookingService booking, Clock clock,
                           String practiceName, String databaseDescription) {
        this(database, patients, booking, clock, practiceName, databaseDescription, RecordServices.NONE);
    }

    /** En cours / réalisé of an exam, marked by a technologist or a radiologist (core rules, audited). */
    public fr.opaline.core.order.ExamProgressService examProgress() {
        return new fr.opaline.core.order.ExamProgressService(database, audit, clock);
    }

    public ZoneId zone() {
        return clock.getZone();
    }
}
