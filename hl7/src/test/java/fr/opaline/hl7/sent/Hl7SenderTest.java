package fr.opaline.hl7.sent;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.common.MutableClock;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.hl7.message.AckCode;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.mllp.MllpEndpoint;
import fr.opaline.hl7.mllp.MllpServer;
import fr.opaline.hl7.mllp.MllpServerSettings;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each answer of the peer becomes the right outcome of the outbox job, and is logged. */
class Hl7SenderTest {

    static final String MESSAGE = "MSH|^~\\&|OPALINE|CAB|DRIMBOX|CAB|20260302101500||MDM^T02^MDM_T02|J123|P|2.6|||||FRA|"
            + "UNICODE UTF-8\rEVN||20260302101500\r";

    @Test
    void acksBecomeOutcomes() throws Exception {
        try (TestDatabases.TestDatabase db = TestDatabases.h2()) {
            CoreFixture core = new CoreFixture(db.database(), new MutableClock(Instant.parse("2026-03-02T10:00:00Z"),
                    CoreFixture.PARIS));
            SentMessageLog log = new SentMessageLog(db.database(), core.ids, core.clock);
            AtomicReference<AckCode> answer = new AtomicReference<>(AckCode.AA);
            MllpServer peer = new MllpServer("peer", MllpServerSettings.loopback(0), (frame, remote) -> {
                MshHeader h = MshHeader.read(frame.content()).orElseThrow();
                return Acks.build(h, answer.get(), answer.get() == AckCode.AA ? List.of()
                        : List.of(Hl7Error.of(Hl7Error.UNSUPPORTED_MESSAGE_TYPE, "Unsupported message type")))
                        .getBytes(StandardCharsets.UTF_8);
            });
            peer.start();
            try (Hl7Sender sender = new Hl7Sender(log)) {
                Hl7Sender.Outgoing out = new Hl7Sender.Outgoing(UUID.randomUUID(), "DRIMbox",
                        MllpEndpoint.of("127.0.0.1", peer.port()), MESSAGE, "1.2.3", null);
                assertThat(sender.send(out)).isInstanceOf(JobOutcome.Done.class);
                answer.set(AckCode.AR);
                assertThat(sender.send(out)).isInstanceOf(JobOutcome.Retry.class);
                answer.set(AckCode.AE);
                assertThat(sender.send(out)).isInstanceOf(JobOutcome.Failed.class);
                assertThat(log.find("J123").orElseThrow().ackCode()).isEqualTo("AE");
                assertThat(log.find("J123").orElseThrow().ackDetail()).contains("200");

                int closedPort;
                try (ServerSocket s = new ServerSocket(0)) {
                    closedPort = s.getLocalPort();
                }
                JobOutcome unreachable = sender.send(new Hl7Sender.Outgoing(UUID.randomUUID(), "DRIMbox",
                        new MllpEndpoint("127.0.0.1", closedPort, Duration.ofSeconds(1), Duration.ofSeconds(1), null),
                        MESSAGE.replace("J123", "J124"), "1.2.3", null));
                assertThat(unreachable).isInstanceOf(JobOutcome.Retry.class);
                assertThat(((JobOutcome.Retry) unreachable).reason()).contains("injoignable");
            } finally {
                peer.stop(Duration.ofSeconds(1));
            }
        }
    }
}
