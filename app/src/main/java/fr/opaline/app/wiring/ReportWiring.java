package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.report.ReportService;
import fr.opaline.documents.drimbox.DrimboxLinkTemplate;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.documents.report.ReportDocumentsPublisher;
import fr.opaline.documents.report.ReportRenderer;

/**
 * Report lifecycle and CR rendering of one process: the report service with the documents
 * publisher registered first (later modules register their outbox listeners after it).
 */
public final class ReportWiring {

    public final ReportService reports;
    public final ReportDataLoader loader;
    public final ReportRenderer renderer = new ReportRenderer();

    public ReportWiring(CoreServices core) {
        this.reports = new ReportService(core.database, core.audit, core.ids, core.clock, core.uids);
        this.loader = new ReportDataLoader(core.profile, core.settings.get(ReportDataLoader.FACILITY_TYPE_SETTING)
                .orElse(null), drimbox(core.config));
        reports.addPublicationListener(new ReportDocumentsPublisher(loader, renderer, core.ids, core.clock));
        reports.addPublicationListener(DrimboxWiring.publicationListener(core));
        reports.addPublicationListener(MssWiring.publicationListener(core));
        reports.addPublicationListener(new fr.opaline.hl7.route.RouteTriggers(core.outbox));
        if (DmpWiring.configured(core.config)) {
            reports.addPublicationListener(DmpWiring.publicationListener(core));
        }
    }

    /** {@code drimbox.viewerUrl} and {@code drimbox.availability} from the configuration. */
    public static DrimboxLinkTemplate drimbox(OpalineConfig config) {
        try {
            return new DrimboxLinkTemplate(config.get("drimbox.viewerUrl", DrimboxLinkTemplate.DEFAULT_TEMPLATE),
                    config.getDuration("drimbox.availability", DrimboxLinkTemplate.DEFAULT_AVAILABILITY));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("drimbox.viewerUrl : " + e.getMessage());
        }
    }

}
