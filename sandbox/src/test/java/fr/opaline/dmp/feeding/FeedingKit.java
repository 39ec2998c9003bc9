package fr.opaline.dmp.feeding;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.dmp.DmpTestKit;
import fr.opaline.dmp.SandboxConnection;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.documents.report.ReportDocumentsPublisher;
import fr.opaline.documents.report.ReportRenderer;
import java.time.Duration;
import java.time.Instant;

/**
 * The DMP test kit plus what feeding needs: the practice's FINESS, a report service with the
 * documents publisher then the DMP feeding listener, the feeding service, and an outbox worker
 * with the DMP handlers, run one job at a time by tests (a clock they move, a worker they kill).
 * This module's own kit, not the practice server's wiring: that one (app's {@code ReportWiring},
 * {@code DmpWiring}, {@code ServerAssembly}) is tested as assembled by src-test's
 * {@code DemoEndToEndTest}.
 */
public final class FeedingKit implements AutoCloseable {

    public static final Duration DEFERRAL = Duration.ofMinutes(10);

    public final DmpTestKit kit;
    public final ReportService reports;
    public final ReportDataLoader loader;
    public final DmpFeedingService feeding;
    public final OutboxWorker worker;
    public final Actor doctor;
    private final Room room;
    private final ExamType exam;
    private Instant nextSlot;

    public FeedingKit() throws Exception {
        this(new DmpTestKit(), 5);
    }

    public FeedingKit(DmpTestKit kit, int maxAttempts) {
        this.kit = kit;
        var db = kit.db.database();
        db.inTransactionRun(ctx -> {
            PracticeSettings.put(ctx, PracticeSettings.NAME, "Centre d'imagerie des Tilleuls (fictif)");
            PracticeSettings.put(ctx, PracticeSettings.FINESS, SandboxConnection.FINESS);
            PracticeSettings.put(ctx, PracticeSettings.CITY, "Lyon");
        });
        PracticeSettings settings = new PracticeSettings(db);
        DmpFeedingSettings feedingSettings = new DmpFeedingSettings(DEFERRAL, maxAttempts);
        reports = new ReportService(db, kit.core.audit, kit.core.ids, kit.core.clock, kit.core.uids);
        loader = new ReportDataLoader(settings.profile(), null,
                new DrimboxLinkTemplate(DrimboxLinkTemplate.DEFAULT_TEMPLATE, DrimboxLinkTemplate.DEFAULT_AVAILABILITY));
        reports.addPublicationListener(new ReportDocumentsPublisher(loader, new ReportRenderer(), kit.core.ids, kit.core.clock));
        reports.addPublicationListener(new DmpFeedingListener(kit.core.outbox, kit.core.clock, feedingSettings));
        feeding = new DmpFeedingService(db, kit.core.outbox, kit.core.audit, kit.core.clock, feedingSettings);
        worker = new OutboxWorker(kit.core.outbox, "test-dmp", 1, Duration.ofMinutes(2), Duration.ofMillis(50))
                .register(new DmpFeedHandler(db, kit.dmp.client, kit.core.outbox, kit.core.ids, kit.core.clock,
                        SandboxConnection.STRUCTURE_ID))
                .register(new DmpVisibilityHandler(db, kit.dmp.client));
        doctor = kit.actor;
        room = kit.core.room("CT1", Modality.CT);
        exam = kit.core.exam("CT-THX", Modality.CT, 15);
        nextSlot = kit.core.clock.instant().minus(Duration.ofDays(20));
    }

    /** A draft CR for the patient, on a new booking. */
    public ReportVersion draft(Patient patient) {
        Booking booked = kit.core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(), nextSlot,
                "Dr Étienne Moreau", "99700010001", "Toux persistante.", null), kit.core.secretary);
        nextSlot = nextSlot.plus(Duration.ofMinutes(15));
        kit.core.progress.complete(booked.step().id(), doctor); // performed: its CR can be validated
        ReportVersion draft = reports.createDraft(booked.order().id(), doctor);
        reports.updateDraft(draft.reportId(), new ReportContent(draft.indication(), "Scanner sans injection.",
                "Pas de nodule.", "Examen normal."), doctor);
        return draft;
    }

    public ReportVersion validated(Patient patient) {
        return reports.validate(draft(patient).reportId(), doctor);
    }

    /** Runs the due jobs until none is due; returns how many ran. */
    public int drain() {
        int n = 0;
        while (worker.runOne()) {
            n++;
        }
        return n;
    }

    /** Moves the clock past the deferral and runs what is due. */
    public int afterDeferral() {
        kit.core.clock.advance(DEFERRAL.plusSeconds(1));
        return drain();
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
