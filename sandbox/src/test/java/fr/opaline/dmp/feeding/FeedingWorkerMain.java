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
import fr.opaline.dmp.client.DmpTransport;
import fr.opaline.dmp.client.HttpDmpTransport;
import fr.opaline.sandbox.pki.SandboxPki;
import fr.opaline.dmp.tls.PracticeCredentials;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.XdsVocabulary;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A practice server reduced to its DMP feeding, run as a separate process by
 * {@link FeedingCrashTest} (which kills it): the outbox worker with the DMP feed handler on the
 * shared file database, talking to the sandbox DMP over mutual TLS. Exits 0 once no DMP feed job
 * is waiting or running.
 * Arguments: jdbcUrl, DMP base URL, directory of the client key stores, then optionally a kill
 * point ({@code none}, {@code before-send}: the n-th document submission (ITI-41) and every one after
 * it wait before leaving; {@code after-ack}: they wait once the DMP has answered, before the job is
 * recorded done), the n at which it is reached, and {@code unchecked} to run the handler without
 * its "already in the DMP?" question (the test proving the crash test sees a double send).
 * At the kill point the worker prints {@code KILL POINT <name>} and waits to be killed.
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
        PracticeCredentials signing = PracticeCredentials.load(keys.resolve("practice-signature.p12"), password,
                null, null);
        String killPoint = args.length > 3 ? args[3] : "none";
        int killAt = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        boolean askBeforeResending = !(args.length > 5 && "unchecked".equals(args[5]));
        DmpTransport http = new HttpDmpTransport(credentials.clientContext(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 64L * 1024 * 1024);
        DmpClient client = new DmpClient(new DmpEndpoints(URI.create(args[1])),
                "none".equals(killPoint) ? http : new KillPoint(http, killPoint, killAt),
                new VihfSigner(signing.key(), signing.certificate(), SandboxConnection.structure()),
                new DmpClient.Source("1.2.3.4.5.8", "Opaline",
                        new ProvideAndRegisterRequest.Source("1.2.3.4.5", XdsVocabulary.CONTENT_TYPE_EXTERNAL_CARE)),
                clock);
        IdGenerator ids = IdGenerator.timeOrdered(clock);
        Outbox outbox = new Outbox(database, new AuditTrail(database, clock), ids, clock,
                new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
        OutboxWorker worker = new OutboxWorker(outbox, "crash-" + ProcessHandle.current().pid(), 3,
                Duration.ofSeconds(4), Duration.ofMillis(50))
                .register(new DmpFeedHandler(database, client, outbox, ids, clock, SandboxConnection.STRUCTURE_ID,
                        askBeforeResending));
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

    /** Stops every document submission from the n-th on, before it leaves or once it is acknowledged. */
    private static final class KillPoint implements DmpTransport {

        private final DmpTransport delegate;
        private final String point;
        private final int at;
        private final AtomicInteger submissions = new AtomicInteger();

        KillPoint(DmpTransport delegate, String point, int at) {
            if (!point.equals("before-send") && !point.equals("after-ack")) {
                throw new IllegalArgumentException("unknown kill point " + point);
            }
            this.delegate = delegate;
            this.point = point;
            this.at = at;
        }

        @Override
        public Response post(URI endpoint, String contentType, byte[] body) throws IOException {
            boolean submission = new String(body, StandardCharsets.ISO_8859_1).contains(XdsVocabulary.ITI41);
            if (!submission || submissions.incrementAndGet() < at) {
                return delegate.post(endpoint, contentType, body);
            }
            if (point.equals("before-send")) {
                waitToBeKilled();
            }
            Response response = delegate.post(endpoint, contentType, body);
            if (response.status() == 200) {
                waitToBeKilled();
            }
            return response;
        }

        private void waitToBeKilled() {
            synchronized (System.out) {
                System.out.println("KILL POINT " + point);
                System.out.flush();
            }
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // a graceful stop is not what is tested: wait for the SIGKILL
                }
            }
        }
    }
}
