package fr.opaline.hl7.sent;

import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.hl7.message.AckCode;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.mllp.MllpClient;
import fr.opaline.hl7.mllp.MllpEndpoint;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one message from an outbox job and turns the peer's answer into the job's outcome: AA
 * done; AE failed (the message is wrong: sending it again will not help, a user looks at it); AR,
 * no answer, a refused connection or a timeout: tried again later. One kept connection per
 * endpoint, reopened when the peer dropped it. Every attempt is logged with the ACK.
 */
public final class Hl7Sender implements AutoCloseable {

    private final SentMessageLog log;
    private final Map<MllpEndpoint, MllpClient> clients = new ConcurrentHashMap<>();

    public Hl7Sender(SentMessageLog log) {
        this.log = log;
    }

    /** One message to send. */
    public record Outgoing(UUID jobId, String destination, MllpEndpoint endpoint, String er7, String documentUid,
                           UUID patientId) {
    }

    public JobOutcome send(Outgoing out) {
        MshHeader header = MshHeader.read(out.er7().getBytes(StandardCharsets.ISO_8859_1)).orElseThrow();
        Charset charset = Hl7Charsets.forMsh18(header.charset()).orElse(StandardCharsets.UTF_8);
        byte[] answer;
        try {
            answer = clients.computeIfAbsent(out.endpoint(), MllpClient::new).exchange(out.er7().getBytes(charset));
        } catch (IOException e) {
            String reason = out.destination() + " injoignable (" + out.endpoint() + ") : " + e.getMessage();
            log.recordSent(out.jobId(), out.destination(), header.controlId(), header.typeAndEvent(), out.documentUid(),
                    out.patientId(), null, reason);
            return JobOutcome.retry(reason);
        }
        Acks.Received ack = Acks.read(new String(answer, charset));
        log.recordSent(out.jobId(), out.destination(), header.controlId(), header.typeAndEvent(), out.documentUid(),
                out.patientId(), ack.code().name(), ack.detail());
        if (ack.ackedControlId() != null && !ack.ackedControlId().equals(header.controlId())
                && ack.code() == AckCode.AA) {
            return JobOutcome.retry("Acquittement d'un autre message (" + ack.ackedControlId() + ")");
        }
        return switch (ack.code()) {
            case AA -> JobOutcome.done();
            case AE -> JobOutcome.failed(out.destination() + " a refusé le message (AE) : " + ack.detail());
            case AR -> JobOutcome.retry(out.destination() + " a rejeté le message (AR), nouvel essai : " + ack.detail());
        };
    }

    @Override
    public void close() {
        clients.values().forEach(MllpClient::close);
        clients.clear();
    }
}
