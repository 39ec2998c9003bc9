package fr.opaline.ui.testing;

import fr.opaline.api.InboxApi;
import fr.opaline.core.common.Actor;
import fr.opaline.mss.inbound.InboundDocument;
import fr.opaline.mss.inbound.InboundIntegration;
import fr.opaline.mss.inbound.ReceivedMessages;
import fr.opaline.mss.outbound.ReportMail;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.server.inbox.InboxEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The received documents of a {@link DesktopFixture}'s server: the inbox area over the mss
 * module's integration (as the app wires it), and documents arriving as the BAL poller or an
 * import would bring them, from the ANS example CR (N3 with its PDF copy) of shared/fixtures.
 */
public final class ReceivedDocuments {

    /** The ANS example CR; its patient (PAT-TROIS Dominique) is not in the fixture's practice. */
    public static final Path CR = Path.of(System.getProperty("opaline.shared", "../../shared"))
            .resolve("fixtures/cda/IMG_CR_IMG_2024.01.xml");

    public final InboundIntegration integration;
    private final DesktopFixture f;

    /** Serves the inbox area on the fixture's server (call before the desktop opens). */
    public ReceivedDocuments(DesktopFixture f) {
        this.f = f;
        this.integration = new InboundIntegration(f.db.database(), new MssTrace(f.db.database(), f.core.ids, f.core.clock),
                f.core.audit, f.core.ids, f.core.clock, f.core.outbox);
        f.serve(events -> Map.of(InboxApi.class, new InboxEndpoint(integration, events, f.core.clock)));
    }

    /**
     * The example CR as a first version (the ANS example is version 2 of a document no practice of
     * the tests holds, which the integration rightly refuses as a replacement).
     */
    public static byte[] firstVersion() {
        try {
            return Files.readString(CR).replaceAll("(?s)<relatedDocument\\b.*?</relatedDocument>\\s*", "")
                    .replaceFirst("<versionNumber value=\"2\"/>", "<versionNumber value=\"1\"/>")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IHE_XDM.zip carrying the example CR. */
    public byte[] xdm() {
        return ReportMail.xdm(firstVersion(), false, false, UUID.randomUUID(), "1.2.250.1.999", f.core.clock.instant());
    }

    /** A message of the BAL applicative whose CDA names no patient of the practice: it waits (and is announced). */
    public InboundDocument arrivesByMssante(String subject) {
        UUID message = f.core.ids.newId();
        InboundDocument received = f.db.database().inTransaction(ctx -> {
            new ReceivedMessages(ctx).insertIfAbsent(new ReceivedMessages.Received(message, "ris@cabinet.mssante.fr",
                    "<" + message + "@exemple>", "correspondant@exemple.mssante.fr", null, null, subject,
                    ReceivedMessages.Outcome.TRAITE, null, new byte[] {1}), null, f.core.clock.instant());
            return integration.receive(ctx, message, InboundDocument.SOURCE_MSSANTE, firstVersion(), false,
                    new MssTrace.At("ris@cabinet.mssante.fr", "<" + message + "@exemple>", null, null),
                    Actor.system("mss-reception"));
        });
        integration.announceArrivals();
        return received;
    }
}
