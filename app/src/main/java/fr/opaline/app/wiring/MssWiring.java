package fr.opaline.app.wiring;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.server.ServerContribution;
import fr.opaline.core.common.Actor;
import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.documents.xdm.XdmReader;
import fr.opaline.mss.MssSettings;
import fr.opaline.mss.directory.DirectoryClient;
import fr.opaline.mss.inbound.InboundIntegration;
import fr.opaline.mss.inbound.InboxPoller;
import fr.opaline.mss.inbound.MdnSendHandler;
import fr.opaline.mss.mailbox.Mailbox;
import fr.opaline.mss.mailbox.MailboxKind;
import fr.opaline.mss.mailbox.Mailboxes;
import fr.opaline.mss.outbound.MssSendHandler;
import fr.opaline.mss.outbound.ReportMailListener;
import fr.opaline.mss.outbound.SenderAccess;
import fr.opaline.sandbox.mss.MssSandbox;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.transport.ImapConnection;
import fr.opaline.mss.transport.MailAccess;
import fr.opaline.mss.transport.MailCredentials;
import fr.opaline.mss.transport.MailEndpoint;
import fr.opaline.mss.transport.MailTls;
import fr.opaline.mss.transport.MailTransportException;
import fr.opaline.sandbox.psc.SandboxOpenIdProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * MSSanté in the practice server ({@code mss.*}): the practice's mailboxes recorded from the
 * configuration, the send and MDN handlers of the outbox, the IMAP poller of the BAL applicative,
 * the publication listener (registered by {@link ReportWiring}), the directory, and the sandbox
 * operator of {@code opaline sandbox}. {@code mss.operatorFile} (the sandbox's
 * {@value MssSandbox#OPERATOR_FILE}) gives defaults for every other key.
 */
public final class MssWiring implements ServerContribution {

    private static final Actor ACTOR = Actor.system("configuration");

    /** The listener to register on the report service, after the documents publisher. */
    public static ReportMailListener publicationListener(CoreServices core) {
        return new ReportMailListener(core.outbox, trace(core), core.ids, core.clock);
    }

    static MssTrace trace(CoreServices core) {
        return new MssTrace(core.database, core.ids, core.clock);
    }

    /** The operator's settings, when MSSanté is configured. */
    record Operator(MailEndpoint smtp, MailEndpoint imap, Path truststore, String applicative, Path keystore,
                    char[] keystorePassword, String organisational, URI directory, String directoryKey, Duration poll,
                    String productReference) {
    }

    /** The process's MSSanté settings, read once ({@link MssSettings#from}) and shared by the server and the CLI. */
    public static MssSettings settings(CoreServices core) {
        return core.shared(MssSettings.class, () -> settings(core.config));
    }

    /**
     * The MSSanté settings of {@code config}: {@code mss.<key>}, else {@code <key>} of the
     * {@code mss.operatorFile} file; a file that cannot be read is refused in French.
     */
    public static MssSettings settings(OpalineConfig config) {
        return MssSettings.from(config, "Opaline " + fr.opaline.app.OpalineVersion.version());
    }

    static Optional<Operator> operator(MssSettings mss) {
        if (!mss.configured()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Operator(MailEndpoint.parse(mss.smtp()),
                    mss.imap() == null ? null : MailEndpoint.parse(mss.imap()),
                    mss.truststore() == null ? null : Path.of(mss.truststore()), mss.applicative(),
                    mss.keystore() == null ? null : Path.of(mss.keystore()),
                    mss.keystorePassword() == null ? null : mss.keystorePassword().toCharArray(), mss.organisational(),
                    mss.directoryUrl() == null ? null : URI.create(mss.directoryUrl()), mss.directoryApiKey(),
                    mss.pollInterval(), mss.productReference()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("mss : " + e.getMessage());
        }
    }

    static MailAccess applicative(Operator o) {
        try {
            return new MailAccess(o.smtp(), o.imap(), MailTls.of(o.truststore(), o.keystore(), o.keystorePassword()),
                    new MailCredentials.ClientCertificate(o.applicative()), Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("mss.truststore / mss.applicative.keystore : " + e.getMessage());
        }
    }

    /** The directory client, when {@code mss.directory.url} is set. */
    public static Optional<DirectoryClient> directory(OpalineConfig config) {
        return directory(settings(config));
    }

    /** The directory client, when {@code mss.directory.url} is set. */
    public static Optional<DirectoryClient> directory(MssSettings mss) {
        return operator(mss).filter(o -> o.directory() != null)
                .map(o -> new DirectoryClient(o.directory(), o.directoryKey(), Duration.ofSeconds(15)));
    }

    /** Records the configured BAL applicative and organisationnelle as the practice's active ones. */
    static void recordMailboxes(CoreServices core, Operator o) {
        Mailboxes mailboxes = new Mailboxes(core.database, core.audit, core.ids, core.clock);
        if (!mailboxes.applicative().map(Mailbox::address).orElse("").equalsIgnoreCase(o.applicative())) {
            mailboxes.set(MailboxKind.APPLICATIVE, o.applicative(), null, "BAL applicative", ACTOR);
        }
        if (o.organisational() != null
                && !mailboxes.organisational().map(Mailbox::address).orElse("").equalsIgnoreCase(o.organisational())) {
            mailboxes.set(MailboxKind.ORGANISATIONNELLE, o.organisational(), null, "BAL organisationnelle", ACTOR);
        }
    }

    static SenderAccess senders(Operator o, MailAccess applicative) {
        return address -> {
            if (address.equalsIgnoreCase(o.applicative())) {
                return applicative;
            }
            throw new MailTransportException("La BAL " + address + " n'est pas la BAL applicative configurée ("
                    + o.applicative() + ") : envoi automatique impossible.", true, null);
        };
    }

    @Override
    public List<JobHandler> jobHandlers(CoreServices core) {
        Optional<Operator> operator = operator(settings(core));
        if (operator.isEmpty()) {
            return List.of();
        }
        Operator o = operator.get();
        recordMailboxes(core, o);
        MailAccess access = applicative(o);
        SenderAccess senders = senders(o, access);
        MssTrace trace = trace(core);
        return List.of(new MssSendHandler(core.database, senders, directory(settings(core)).orElse(null), trace, core.audit,
                        core.clock, o.productReference()),
                new MdnSendHandler(core.database, senders, trace, core.clock));
    }

    @Override
    public List<ManagedService> services(CoreServices core) {
        Optional<Operator> operator = operator(settings(core));
        if (operator.isEmpty() || operator.get().imap() == null) {
            return List.of();
        }
        return List.of(poller(core, operator.get()));
    }

    static InboxPoller poller(CoreServices core, Operator o) {
        MssTrace trace = trace(core);
        return new InboxPoller(core.database, new ImapConnection(applicative(o)), o.applicative(),
                integration(core), core.outbox, trace, new XdmReader(), core.ids, core.clock, o.poll());
    }

    /** One poll of the BAL applicative now (CLI); empty when MSSanté is not configured. */
    public static Optional<InboxPoller.Poll> pollOnce(CoreServices core) {
        Optional<Operator> operator = operator(settings(core)).filter(o -> o.imap() != null);
        operator.ifPresent(o -> recordMailboxes(core, o));
        return operator.map(o -> poller(core, o).pollOnce());
    }

    /**
     * The process's one integration of received documents, shared by the BAL poller, the API's
     * inbox area (which hears its arrivals) and the commands; a rejection queues the MDN.
     */
    public static InboundIntegration integration(CoreServices core) {
        return core.shared(InboundIntegration.class, () -> new InboundIntegration(core.database, trace(core), core.audit,
                core.ids, core.clock, core.outbox));
    }

    /**
     * The sandbox MSSanté operator ({@code sandbox.mss.smtpPort}, {@code imapPort}, {@code directoryPort});
     * XOAUTH2 tokens are checked against the sandbox PSC among {@code others}.
     */
    public static SandboxService sandbox(OpalineConfig config, Path stateDirectory, List<SandboxService> others) {
        return new MssSandbox(new MssSandbox.Settings(config.getInt("sandbox.mss.smtpPort", 0),
                config.getInt("sandbox.mss.imapPort", 0), config.getInt("sandbox.mss.directoryPort", 0), stateDirectory,
                () -> others.stream().filter(SandboxOpenIdProvider.class::isInstance)
                        .map(s -> ((SandboxOpenIdProvider) s).discovery()).findFirst().orElse(null)),
                Clock.systemUTC());
    }

    /** The demo's configuration pointed at the sandbox operator, unless the user configured MSSanté. */
    public static OpalineConfig pointedAtSandbox(OpalineConfig config, Path stateDirectory, List<SandboxService> sandboxes) {
        if (config.get("mss.smtp").isPresent() || config.get("mss.operatorFile").isPresent()
                || sandboxes.stream().noneMatch(MssSandbox.class::isInstance)) {
            return config;
        }
        return config.with("mss.operatorFile", stateDirectory.resolve(MssSandbox.OPERATOR_FILE).toString());
    }
}
