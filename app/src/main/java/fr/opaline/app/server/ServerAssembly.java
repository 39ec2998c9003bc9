package fr.opaline.app.server;

import fr.opaline.app.wiring.BackupWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.WorklistWiring;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.OutboxWorker;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Assembles the practice server from the modules' contributions. */
public final class ServerAssembly {

    private ServerAssembly() {
    }

    /** One line per module that runs something in the server. */
    public static List<ServerContribution> contributions() {
        return List.of(
                new fr.opaline.app.wiring.InsWiring(),
                new fr.opaline.app.wiring.PscWiring(),
                new fr.opaline.app.wiring.ApiWiring(),
                new fr.opaline.app.wiring.Hl7Wiring(),
                new fr.opaline.app.wiring.DrimboxWiring(),
                new fr.opaline.app.wiring.MssWiring(),
                new WorklistWiring(),
                new BackupWiring(),
                new fr.opaline.app.wiring.AuditAnchorWiring(),
                new fr.opaline.app.wiring.DmpWiring());
    }

    public static PracticeServer assemble(CoreServices core) {
        return assemble(core, contributions());
    }

    public static PracticeServer assemble(CoreServices core, List<ServerContribution> contributions) {
        // An unset national service is off (said in the log); a sandbox address outside demo mode is refused.
        fr.opaline.app.wiring.NationalServices.checkAndLog(core.config);
        String owner = core.config.get("server.name", ManagementFactory.getRuntimeMXBean().getName());
        OutboxWorker worker = new OutboxWorker(core.outbox, owner,
                core.config.getInt("outbox.threads", 4),
                core.config.getDuration("outbox.lease", Duration.ofMinutes(2)),
                core.config.getDuration("outbox.poll", Duration.ofSeconds(2)));
        List<ManagedService> services = new ArrayList<>();
        for (ServerContribution contribution : contributions) {
            for (JobHandler handler : contribution.jobHandlers(core)) {
                worker.register(handler);
            }
            services.addAll(contribution.services(core));
        }
        services.add(worker);
        // One HTTPS port: the API serves the proxy e-santé's routes, and a Pro Santé Connect sign-in
        // at the proxy opens an API session on the same server.
        services.stream().filter(fr.opaline.app.wiring.ApiLauncher.class::isInstance)
                .map(fr.opaline.app.wiring.ApiLauncher.class::cast)
                .forEach(api -> services.stream().filter(fr.opaline.app.wiring.PscProxyLauncher.class::isInstance)
                        .map(fr.opaline.app.wiring.PscProxyLauncher.class::cast).findFirst().ifPresent(api::serve));
        return new PracticeServer(services);
    }
}
