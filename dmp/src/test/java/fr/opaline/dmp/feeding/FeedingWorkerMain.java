package fr.opaline.dmp.feeding;

import static fr.opaline.core.persistence.generated.Tables.OUTBOX_JOB;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.outbox.RetryPolicy;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.persistence.DatabaseSettings;
import fr.opaline.dmp.SandboxConnection;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpEndpoints;
import fr.opaline.dmp.client.HttpDmpTransport;
import fr.opaline.dmp.sandbox.SandboxPki;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A practice server reduced to its DMP feeding, run as a separate process by
 * {@link FeedingCrashTest} (which kills it): the outbox worker with the DMP feed handler on the
 * shared file database, talking to the sandbox DMP over mutual TLS. Exits 0 once no DMP feed job
 * is waiting or running.
 * Arguments: jdbcUrl, DMP base URL, directory of the client key stores.
 */
public final class FeedingWorkerMain {

    private FeedingWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(new DatabaseSettings(args[0], "opaline", "", 6));
        Path keys = Path.of(args[2]);
        char[] password = SandboxPki.PASSWORD.toCharArray();
        PracticeCredentials credentials = PracticeCredentials.load(keys.resolve("practice.p12"), password,
                keys.resolve("trust.p12"), password);
        DmpClient client = new DmpClient(new DmpEndpoints(URI.create(args[1])),
                new HttpDmpTransport(credentials.clientContext(), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        64L * 1024 * 1024),
                new VihfSigner(credentials.key(), credentials.certificate(), SandboxConnection.structure()),
                new DmpClient.Source("1.2.3.4.5.8", "Opaline",
                        new ProvideAndRegisterRequest.Source("1.2.3.4.5", XdsVocabulary.CONTENT_TYPE_EXTERNAL_CARE)),
                clock);
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        Outbox outbox = new Outbox(database, new AuditTrail(database, clock), ids, clock,
                new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
        OutboxWorker worker = new OutboxWorker(outbox, "crash-" + ProcessHandle.current().pid(), 3,
                Duration.ofSeconds(4), Duration.ofMillis(50))
                .register(new DmpFeedHandler(database, client, outbox, ids, clock, SandboxConnection.STRUCTURE_ID));
        worker.start();
        System.out.println("worker started");
        while (true) {
            Thread.sleep(300);
            int open = database.dsl().fetchCount(OUTBOX_JOB, OUTBOX_JOB.JOB_TYPE.eq(DmpJobTypes.FEED)
                    .and(OUTBOX_JOB.STATE.in(List.of(JobState.PENDING.name(), JobState.LEASED.name()))));
            if (open == 0) {
                worker.stop(Duration.ofSeconds(2));
                System.out.println("drained");
                System.exit(0);
            }
        }
    }
}
