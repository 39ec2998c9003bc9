package fr.opaline.app.wiring;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.lifecycle.PeriodicTask;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.ins.cog.CogService;
import fr.opaline.ins.insi.InsiClient;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.insi.InsiSettings;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.sandbox.ins.SandboxIdentities;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.trust.ReceivedIdentityService;
import fr.opaline.ins.trust.TrustedCorrespondents;
import fr.opaline.ins.verification.InsVerificationHandler;
import fr.opaline.ins.verification.InsVerificationScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The INS services of one process, from the configuration: INSi client (when {@code insi.url}
 * is set), status engine, récupération sequence, COG, trusted correspondents; the periodic
 * verification in the practice server; the sandbox INSi in {@code opaline sandbox}.
 */
public final class InsWiring implements ServerContribution {

    /** The INS services over the core ones. */
    public record InsServices(InsiClient insi, IdentityStatusService statuses, InsiLookupService lookup, CogService cog,
                              TrustedCorrespondents correspondents, ReceivedIdentityService received) {
    }

    /** The process's INS services, built once over these core services. */
    public static InsServices insServices(CoreServices core) {
        return core.shared(InsServices.class, () -> build(core));
    }

    /** The process's INSi settings (empty: INSi off), read once ({@link InsiSettings#from}) and shared. */
    public static Optional<InsiSettings> insiSettings(CoreServices core) {
        return core.shared(Insi.class, () -> new Insi(InsiSettings.from(core.config))).settings();
    }

    private record Insi(Optional<InsiSettings> settings) {
    }

    private static InsServices build(CoreServices core) {
        InsiClient client = insiSettings(core).map(settings -> new InsiClient(settings, core.clock)).orElse(null);
        IdentityStatusService statuses = new IdentityStatusService(core.database, core.patients, core.audit, core.ids,
                core.clock, core.settings);
        CogService cog = new CogService(core.database, core.audit, core.ids, core.clock);
        InsiLookupService lookup = new InsiLookupService(client, core.database, core.patients, statuses, core.audit,
                core.clock, cog::isKnown);
        TrustedCorrespondents correspondents = new TrustedCorrespondents(core.database, core.audit, core.ids, core.clock);
        return new InsServices(client, statuses, lookup, cog, correspondents,
                new ReceivedIdentityService(core.database, core.patients, statuses, lookup, correspondents, core.audit));
    }

    /** The INSi client, or null when {@code insi.url} is not configured ({@link InsiSettings#from}). */
    public static InsiClient insiClient(OpalineConfig config, Clock clock) {
        return InsiSettings.from(config).map(settings -> new InsiClient(settings, clock)).orElse(null);
    }

    /** The sandbox INSi of {@code opaline sandbox}; port {@code sandbox.insi.port} (0: any free port). */
    public static SandboxService sandbox(OpalineConfig config) {
        return new InsiSandbox(config.getInt("sandbox.insi.port", 0), SandboxIdentities.builtIn(), Clock.systemUTC());
    }

    /** {@code insi.url} set to the sandbox INSi among these, unless the configuration names one. */
    public static OpalineConfig pointedAtSandbox(OpalineConfig config, List<SandboxService> sandboxes) {
        if (config.get("insi.url").isPresent()) {
            return config;
        }
        for (SandboxService s : sandboxes) {
            if (s instanceof InsiSandbox insi) {
                return config.with("insi.url", insi.endpoint().toString());
            }
        }
        return config;
    }

    /** The periodic verification scan, only where INSi is configured (its jobs could not run otherwise). */
    @Override
    public List<ManagedService> services(CoreServices core) {
        if (core.config.get("insi.url").isEmpty()) {
            return List.of();
        }
        InsVerificationScheduler scheduler = new InsVerificationScheduler(core.database, core.outbox, core.clock);
        return List.of(new PeriodicTask(InsVerificationScheduler.SERVICE_NAME,
                core.config.getDuration("ins.verification.scanInterval", Duration.ofHours(6)), scheduler::scan));
    }

    @Override
    public List<JobHandler> jobHandlers(CoreServices core) {
        InsServices ins = insServices(core);
        return List.of(new InsVerificationHandler(core.database, ins.insi(), ins.lookup(), ins.statuses()));
    }
}
