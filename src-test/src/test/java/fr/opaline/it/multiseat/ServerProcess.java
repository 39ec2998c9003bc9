package fr.opaline.it.multiseat;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerAssembly;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.app.server.ServerRuntime;
import fr.opaline.app.server.StopSignals;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.scheduling.AppointmentRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The practice server, in its own JVM, as {@code opaline server} assembles it, plus the handler
 * of the test's outbox jobs: it checks that the appointment a workstation booked is there.
 * Arguments: config home
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        OpalineConfig config = OpalineConfig.load(Path.of(args[1]), Path.of(args[0]));
        List<ServerContribution> contributions = new ArrayList<>(ServerAssembly.contributions());
        contributions.add(new ServerContribution() {
            @Override
            public List<JobHandler> jobHandlers(CoreServices core) {
                return List.of(new JobHandler() {
                    @Override
                    public String type() {
                        return MultiSeatBookingTest.NOTIFY;
                    }

                    @Override
                    public JobOutcome handle(OutboxJob job) throws Exception {
                        UUID id = UUID.fromString(Json.mapper().readTree(job.payload()).path("appointment").asText());
                        return new AppointmentRepository(core.database.dsl()).findById(id).isPresent()
                                ? JobOutcome.done() : JobOutcome.failed("rendez-vous introuvable : " + id);
                    }
                });
            }
        });
        ServerRuntime runtime = ServerRuntime.start(config, contributions);
        StopSignals.install(() -> runtime.shutdown(Duration.ofSeconds(20)));
        System.out.println("HEALTH " + runtime.healthUri().orElseThrow());
        System.out.flush();
        runtime.awaitShutdown();
        System.out.println("STOPPED");
        System.out.flush();
        System.exit(0);
    }
}
