package fr.opaline.ui.testing;

import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.report.ReportService;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.user.UserAccount;
import fr.opaline.dmp.feeding.DmpFeedHandler;
import fr.opaline.dmp.feeding.DmpFeedingListener;
import fr.opaline.dmp.feeding.DmpFeedingSettings;
import fr.opaline.dmp.feeding.DmpVisibilityHandler;
import fr.opaline.sandbox.dmp.DmpSandbox;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.documents.report.ReportDocumentsPublisher;
import fr.opaline.documents.report.ReportRenderer;
import fr.opaline.drimboxbridge.feed.DrimboxAfterDmp;
import fr.opaline.drimboxbridge.feed.DrimboxFeedListener;
import fr.opaline.drimboxbridge.feed.DrimboxJobs;
import fr.opaline.drimboxbridge.feed.DrimboxSendHandler;
import fr.opaline.drimboxbridge.feed.DrimboxSettings;
import fr.opaline.sandbox.drimbox.DrimboxSandbox;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.sent.SentMessageLog;
import fr.opaline.hl7.transmission.MessageRouting;
import fr.opaline.hl7.transmission.ReportTransmissions;
import fr.opaline.ui.DesktopContext;
import java.time.Duration;

/**
 * The reporting side of the test practice, for the report editor's journeys: the report service
 * with the documents publisher, the DMP feeding (after its deferral, on the fixture's clock) and
 * the DRIMbox feed (after the DMP's acknowledgement); the sandbox DMP over mutual TLS and the
 * sandbox DRIMbox source over MLLP; an outbox worker running the DMP and DRIMbox sends in the
 * background. The ui module cannot use app's wiring (app depends on ui), so this is the screens'
 * stand-in, not a proof of the product's wiring: that is src-test's {@code DemoEndToEndTest}
 * ({@code opaline demo --headless}, its server as {@code ServerAssembly} builds it, in its own process).
 */
public final class ReportingFixture implements AutoCloseable {

    /** How long a validated CR waits before it leaves for the DMP (the radiologist may still amend it). */
    public static final Duration DMP_DEFERRAL = Duration.ofMinutes(10);

    /** The desktop's and the server's idle lock: longer than the DMP deferral the journeys move the clock past. */
    static final Duration IDLE_LOCK = Duration.ofHours(8);

    public final DesktopFixture desk;
    public final UserAccount radiologist;
    public final ReportService reports;
    public final ReportDataLoader loader;
    public final DmpSandbox dmp;
    public final DrimboxSandbox drimbox;
    private final Hl7Sender sender;
    private final OutboxWorker worker;

    public ReportingFixture(DesktopFixture desk) throws Exception {
        this.desk = desk;
        CoreFixture core = desk.core;
        var database = desk.db.database();
        database.inTransactionRun(ctx -> {
            PracticeSettings.put(ctx, PracticeSettings.NAME, "Cabinet de test");
            PracticeSettings.put(ctx, PracticeSettings.FINESS, DesktopFixture.DMP_STRUCTURE.substring(1));
            PracticeSettings.put(ctx, PracticeSettings.UID_ROOT, CoreFixture.UID_ROOT);
            PracticeSettings.put(ctx, PracticeSettings.ADDRESS, "12 allée des Tilleuls");
            PracticeSettings.put(ctx, PracticeSettings.POSTAL_CODE, "69003");
            PracticeSettings.put(ctx, PracticeSettings.CITY, "Lyon");
        });
        dmp = desk.withDmp();
        radiologist = desk.radiologist;
        drimbox = new DrimboxSandbox(0, 0, core.clock);
        drimbox.start();
        var profile = new PracticeSettings(database).profile();
        loader = new ReportDataLoader(profile, null, new DrimboxLinkTemplate(drimbox.viewerUrlTemplate(),
                Duration.ofDays(365)));
        DmpFeedingSettings feeding = new DmpFeedingSettings(DMP_DEFERRAL, 5);
        desk.dmpFeeding = feeding;
        DrimboxSettings settings = new DrimboxSettings(MllpEndpoint.of("127.0.0.1", drimbox.mllpPort()),
                DrimboxSettings.Format.MDM, MessageRouting.of(DesktopFixture.DMP_STRUCTURE.substring(1), "DRIMBOX",
                "DRIMBOX"), true);
        reports = new ReportService(database, core.audit, core.ids, core.clock, core.uids);
        reports.addPublicationListener(new ReportDocumentsPublisher(loader, new ReportRenderer(), core.ids, core.clock));
        reports.addPublicationListener(new DmpFeedingListener(core.outbox, core.clock, feeding));
        reports.addPublicationListener(new DrimboxFeedListener(core.outbox, settings));
        core.outbox.onDone(DrimboxJobs.DMP_FEED, new DrimboxAfterDmp(database, settings));
        sender = new Hl7Sender(new SentMessageLog(database, core.ids, core.clock));
        worker = new OutboxWorker(core.outbox, "test-worker", 1, Duration.ofMinutes(1), Duration.ofMillis(200))
                .register(new DmpFeedHandler(database, desk.dmpClient, core.outbox, core.ids, core.clock,
                        DesktopFixture.DMP_STRUCTURE))
                .register(new DmpVisibilityHandler(database, desk.dmpClient))
                .register(new DrimboxSendHandler(database, new ReportTransmissions(loader, core.clock), settings,
                        sender, core.clock));
        worker.start();
        desk.serverIdleLock(IDLE_LOCK);
        desk.serve(events -> java.util.Map.of(fr.opaline.api.ReportApi.class, new fr.opaline.server.ReportEndpoint(
                database, reports, loader, core.outbox, events, core.clock)));
    }

    /**
     * The desktop, whose report editor goes through the fixture's server (serving the report
     * service above). Its idle lock is longer than the DMP deferral: the
     * journeys move the clock past the deferral while the radiologist is still at work.
     */
    public DesktopContext context() {
        DesktopContext base = desk.context();
        return new DesktopContext(base.version(), base.services(), base.authentication(), base.demo(), base.locale(),
                IDLE_LOCK, base.worklistRefresh());
    }

    /** Time passes beyond the DMP deferral: the worker then sends what was waiting. */
    public void afterDeferral() {
        desk.core.clock.advance(DMP_DEFERRAL.plusSeconds(1));
    }

    @Override
    public void close() throws Exception {
        worker.stop(Duration.ofSeconds(2));
        sender.close();
        drimbox.stop(Duration.ofSeconds(1));
    }
}
