package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.drimboxbridge.DrimboxBridgeSettings;
import fr.opaline.drimboxbridge.conso.DrimboxConsultation;
import fr.opaline.drimboxbridge.feed.DrimboxAfterDmp;
import fr.opaline.drimboxbridge.feed.DrimboxFeedListener;
import fr.opaline.drimboxbridge.feed.DrimboxJobs;
import fr.opaline.drimboxbridge.feed.DrimboxSendHandler;
import fr.opaline.drimboxbridge.feed.DrimboxSettings;
import fr.opaline.sandbox.drimbox.DrimboxSandbox;
import fr.opaline.hl7.transmission.ReportTransmissions;
import java.time.Clock;
import java.util.List;

/**
 * The DRIMbox bridge: the send handler and, in the process that completes DMP jobs, the follow-up
 * that releases the DRIMbox send once the DMP acknowledged a CR; the publication listener (for CRs
 * the DMP does not take) registered by {@link ReportWiring}; the contextual call; the sandbox.
 */
public final class DrimboxWiring implements ServerContribution {

    /** The process's DRIMbox settings, read once ({@link DrimboxBridgeSettings#from}) and shared. */
    public static DrimboxBridgeSettings bridgeSettings(CoreServices core) {
        return core.shared(DrimboxBridgeSettings.class, () -> DrimboxBridgeSettings.from(core.config));
    }

    /** The feed's settings: the DRIMbox source, Opaline sending as the HL7 settings say (MSH-3/MSH-4). */
    public static DrimboxSettings settings(CoreServices core) {
        return bridgeSettings(core).feed(Hl7Wiring.settings(core).application(), Hl7Wiring.facility(core));
    }

    /** The listener to register on the report service, after the documents publisher. */
    public static DrimboxFeedListener publicationListener(CoreServices core) {
        return new DrimboxFeedListener(core.outbox, settings(core));
    }

    public static DrimboxConsultation consultation(CoreServices core) {
        return new DrimboxConsultation(core.database, core.audit, bridgeSettings(core).consoUrl());
    }

    @Override
    public List<JobHandler> jobHandlers(CoreServices core) {
        DrimboxSettings settings = settings(core);
        core.outbox.onDone(DrimboxJobs.DMP_FEED, new DrimboxAfterDmp(core.database, settings));
        return List.of(new DrimboxSendHandler(core.database, new ReportTransmissions(Hl7Wiring.loader(core), core.clock),
                settings, Hl7Wiring.sender(core), core.clock));
    }

    /** The sandbox DRIMbox source: MLLP on {@code sandbox.drimbox.port}, viewer on {@code sandbox.drimbox.viewerPort}. */
    public static SandboxService sandbox(OpalineConfig config) {
        return new DrimboxSandbox(config.getInt("sandbox.drimbox.port", 0), config.getInt("sandbox.drimbox.viewerPort", 0),
                Clock.systemUTC());
    }

    /**
     * The demo's configuration pointed at the sandbox DRIMbox (MLLP address, viewer URL, and that
     * viewer as the DRIMbox conso),
     * unless the user configured a DRIMbox.
     */
    public static OpalineConfig pointedAtSandbox(OpalineConfig config, List<SandboxService> sandboxes) {
        OpalineConfig result = config;
        for (SandboxService s : sandboxes) {
            if (s instanceof DrimboxSandbox drimbox) {
                if (config.get("drimbox.source.host").isEmpty()) {
                    result = result.with("drimbox.source.host", "127.0.0.1")
                            .with("drimbox.source.port", Integer.toString(drimbox.mllpPort()));
                }
                if (config.get("drimbox.viewerUrl").isEmpty()) {
                    result = result.with("drimbox.viewerUrl", drimbox.viewerUrlTemplate());
                }
                // the sandbox's viewer stands for the practice's DRIMbox conso (contextual call, SC.DB/TRA.05)
                if (config.get("drimbox.conso.url").isEmpty()) {
                    result = result.with("drimbox.conso.url", drimbox.viewerUrlTemplate());
                }
            }
        }
        return result;
    }
}
