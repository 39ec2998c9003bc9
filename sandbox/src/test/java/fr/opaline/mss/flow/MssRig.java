package fr.opaline.mss.flow;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.RetryPolicy;
import fr.opaline.core.persistence.Database;
import fr.opaline.documents.xdm.XdmReader;
import fr.opaline.mss.inbound.InboundIntegration;
import fr.opaline.mss.inbound.InboxPoller;
import fr.opaline.mss.inbound.MdnJob;
import fr.opaline.mss.inbound.MdnSendHandler;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.transport.ImapConnection;
import fr.opaline.mss.transport.MailAccess;
import fr.opaline.mss.transport.MailCredentials;
import fr.opaline.mss.transport.MailEndpoint;
import fr.opaline.mss.transport.MailTls;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One practice's MSSanté wiring on its own database, reaching the sandbox operator with its BAL applicative's certificate. */
final class MssRig {

    final Database database;
    final Clock clock;
    final IdGenerator ids;
    final AuditTrail audit;
    final Outbox outbox;
    final MssTrace trace;
    final MailAccess applicative;
    final InboundIntegration integration;
    final InboxPoller poller;
    final String address;

    MssRig(Database database, Clock clock, MssSandbox sandbox, String address, Path keyStore, char[] password) {
        this.database = database;
        this.clock = clock;
        this.address = address;
        this.ids = IdGenerator.timeOrdered(clock);
        this.audit = new AuditTrail(database, clock);
        this.outbox = new Outbox(database, audit, ids, clock, new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0));
        this.trace = new MssTrace(database, ids, clock);
        this.applicative = access(sandbox, keyStore, password, new MailCredentials.ClientCertificate(address));
        new Mailboxes(database, audit, ids, clock).set(MailboxKind.APPLICATIVE, address, null, "BAL applicative",
                Actor.system("test"));
        this.integration = new InboundIntegration(database, trace, audit, ids, clock);
        this.poller = new InboxPoller(database, new ImapConnection(applicative), address, integration, outbox, trace,
                new XdmReader(), ids, clock, Duration.ofSeconds(30));
    }

    static MailAccess access(MssSandbox sandbox, Path keyStore, char[] password, MailCredentials credentials) {
        return new MailAccess(MailEndpoint.parse(sandbox.smtpUri().toString()), MailEndpoint.parse(sandbox.imapUri().toString()),
                MailTls.of(sandbox.authorityFile(), keyStore, password), credentials, Duration.ofSeconds(10));
    }

    MdnSendHandler mdnHandler() {
        return new MdnSendHandler(database, a -> applicative, trace, clock);
    }

    /** Runs the due jobs of one type as the outbox worker does; returns their outcomes. */
    List<JobOutcome> run(String type, JobHandler handler) throws Exception {
        List<JobOutcome> outcomes = new ArrayList<>();
        while (true) {
            var lease = outbox.leaseNext(Set.of(type), "worker", Duration.ofMinutes(1));
            if (lease.isEmpty()) {
                return outcomes;
            }
            JobOutcome outcome = handler.handle(lease.get().job());
            outbox.complete(lease.get(), outcome);
            outcomes.add(outcome);
        }
    }

    List<JobOutcome> runMdns() throws Exception {
        return run(MdnJob.TYPE, mdnHandler());
    }

    static void allDone(List<JobOutcome> outcomes) {
        assertThat(outcomes).allSatisfy(o -> assertThat(o).as(String.valueOf(o)).isInstanceOf(JobOutcome.Done.class));
    }
}
