package fr.opaline.hl7.inbound;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import fr.opaline.hl7.message.AckCode;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.message.Hl7Context;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.hl7.mllp.MllpConnection;
import fr.opaline.hl7.mllp.MllpFrameReader;
import fr.opaline.hl7.mllp.MllpHandler;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an MLLP listener does with each message: read the header, decode with the declared
 * character set, <b>store</b>, parse, hand to the handler of its type and answer with the ACK,
 * which is recorded with the message. A resend of a message already answered AA or AE gets the
 * same ACK without being processed twice; one answered AR (or never answered) is processed again.
 * A failure to store closes the connection without an answer: the sender keeps the message.
 *
 * <p>Only declared peers get in ({@link Hl7PeerGate}): anything from an undeclared sender, address
 * or certificate, or of a type outside the peer's rights, is answered AR with an ERR saying why,
 * logged with its head only and audited, and changes nothing. From one source, at most
 * {@link #RECORDED_REFUSALS_PER_MINUTE} refusals a minute are recorded; the others are answered
 * the same and counted in the next one recorded, so a flood cannot fill the database.
 */
public final class Hl7Receiver implements MllpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Hl7Receiver.class);

    private final String listener;
    private final InboundMessageStore store;
    private final List<InboundHandler> handlers;
    private final Charset defaultCharset;
    private final Clock clock;
    private final Hl7PeerGate peers;
    private final AuditTrail audit;
    private final Map<InetAddress, long[]> refusals = new ConcurrentHashMap<>();

    public static final String AUDIT_REFUSED = "HL7_MESSAGE_REFUSED";
    public static final int RECORDED_REFUSALS_PER_MINUTE = 20;
    /** What is kept of a refused peer's message in the log: its header, not its body. */
    static final int REFUSED_KEPT_BYTES = 4096;

    public Hl7Receiver(String listener, InboundMessageStore store, List<InboundHandler> handlers,
                       Charset defaultCharset, Hl7PeerGate peers, AuditTrail audit, Clock clock) {
        this.listener = listener;
        this.store = store;
        this.handlers = List.copyOf(handlers);
        this.defaultCharset = defaultCharset;
        this.peers = peers;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean knownSource(InetAddress address) {
        return peers.knownAddress(address);
    }

    @Override
    public boolean wantsBody(byte[] head, MllpConnection connection) {
        MshHeader header = MshHeader.read(head).orElse(null);
        return header != null && peers.refusal(header, connection).isEmpty();
    }

    @Override
    public byte[] onFrame(MllpFrameReader.Frame frame, MllpConnection connection) {
        String remote = connection.toString();
        byte[] head = frame.head();
        MshHeader header = MshHeader.read(head).orElse(null);
        Charset charset = header == null ? defaultCharset
                : header.charset().isEmpty() ? defaultCharset : Hl7Charsets.forMsh18(header.charset()).orElse(null);
        Charset answerCharset = charset == null ? StandardCharsets.UTF_8 : charset;

        Optional<String> refused = peers.refusal(header, connection);
        if (refused.isPresent()) {
            return refusePeer(connection, header, answerCharset, head, frame.size(), refused.get());
        }
        if (frame.dropped() && header != null) {
            // Screened out while the peer registry said otherwise: the body is gone, the sender resends.
            return refusePeer(connection, header, answerCharset, head, frame.size(),
                    "Message reçu incomplet pendant une modification des pairs HL7 : à renvoyer");
        }
        byte[] content = frame.oversized() || frame.dropped() ? head : frame.content();

        if (frame.oversized()) {
            return refuse(remote, header, answerCharset, content, frame.size(), Hl7Error.of(Hl7Error.OTHER,
                    "Message trop volumineux (" + frame.size() + " octets)"));
        }
        if (header == null) {
            return refuse(remote, null, answerCharset, content, content.length,
                    Hl7Error.of(Hl7Error.SEGMENT_SEQUENCE, "Segment MSH absent ou illisible").at("MSH", 1, 0));
        }
        if (charset == null) {
            return refuse(remote, header, answerCharset, content, content.length, Hl7Error.of(Hl7Error.OTHER,
                    "Jeu de caractères non pris en charge : " + header.charset()).at("MSH", 1, 18));
        }
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return refuse(remote, header, answerCharset, content, content.length, Hl7Error.of(Hl7Error.OTHER,
                    "Octets invalides pour le jeu de caractères déclaré (" + charset.name() + ")").at("MSH", 1, 18));
        }
        if (!Hl7Context.SUPPORTED_VERSIONS.contains(header.version())) {
            return refuse(remote, header, answerCharset, content, content.length, Hl7Error.of(Hl7Error.UNSUPPORTED_VERSION,
                    "Unsupported version id").at("MSH", 1, 12));
        }

        InboundMessageStore.Stored stored = store.store(listener, remote, header, charset.name(), content);
        StoredMessage row = stored.message();
        if (stored.duplicate() && row.ackContent() != null
                && (StoredMessage.PROCESSED.equals(row.state()) || StoredMessage.REJECTED.equals(row.state()))) {
            LOG.info("Message HL7 {} de {} reçu à nouveau : même acquittement", header.controlId(), header.sendingApplication());
            return row.ackContent();
        }
        InboundOutcome outcome = process(row, header, text, remote);
        String ack = Acks.build(header, outcome.code(), outcome.errors());
        byte[] ackBytes = Acks.bytes(ack, answerCharset);
        String state = switch (outcome.code()) {
            case AA -> StoredMessage.PROCESSED;
            case AE -> StoredMessage.REJECTED;
            case AR -> StoredMessage.DEFERRED;
        };
        String detail = outcome.errors().isEmpty() ? outcome.note()
                : outcome.errors().stream().map(Hl7Error::describe).collect(Collectors.joining(" ; "));
        store.recordOutcome(row.id(), state, outcome.code().name(), detail, ackBytes, outcome.patientId());
        return ackBytes;
    }

    private InboundOutcome process(StoredMessage row, MshHeader header, String text, String remote) {
        Message message;
        try {
            message = Hl7Context.get().parse(text);
        } catch (HL7Exception e) {
            return InboundOutcome.error(null, Hl7Error.of(syntaxCode(e), "Message illisible : " + e.getMessage()));
        }
        InboundHandler handler = handlers.stream().filter(h -> h.handles(header)).findFirst().orElse(null);
        if (handler == null) {
            boolean typeKnown = handlers.stream().anyMatch(h -> h.messageTypes().contains(header.messageType()));
            return typeKnown
                    ? InboundOutcome.error(null, Hl7Error.of(Hl7Error.UNSUPPORTED_EVENT, "Unsupported event code")
                            .at("MSH", 1, 9))
                    : InboundOutcome.error(null, Hl7Error.of(Hl7Error.UNSUPPORTED_MESSAGE_TYPE,
                            "Unsupported message type").at("MSH", 1, 9));
        }
        try {
            return handler.handle(new InboundMessage(row.id(), header, text, message, remote, clock.instant()));
        } catch (Exception e) {
            LOG.error("Message HL7 {} ({}) : traitement en échec", header.controlId(), header.typeAndEvent(), e);
            return InboundOutcome.rejected(Hl7Error.of(Hl7Error.APPLICATION_ERROR,
                    "Erreur interne du RIS, message à renvoyer plus tard"));
        }
    }

    private static int syntaxCode(HL7Exception e) {
        int code = e.getErrorCode();
        return code >= 100 && code < 300 ? code : Hl7Error.OTHER;
    }

    private byte[] refusePeer(MllpConnection connection, MshHeader header, Charset answerCharset, byte[] head,
                              long size, String reason) {
        byte[] ack = Acks.bytes(Acks.build(header, AckCode.AR, List.of(Hl7Error.application("207", reason,
                "applicationErrorCode"))), answerCharset);
        long skipped = recordable(connection.address());
        if (skipped < 0) {
            return ack;
        }
        String detail = reason + " (depuis " + connection + (skipped > 0 ? ", " + skipped
                + " refus précédents non enregistrés" : "") + ")";
        byte[] kept = Arrays.copyOf(head, Math.min(head.length, REFUSED_KEPT_BYTES));
        StoredMessage row = store.storeRefused(listener, connection.toString(), header, answerCharset.name(), kept,
                (int) Math.min(size, Integer.MAX_VALUE), AckCode.AR.name(), detail, ack);
        String who = header == null ? "inconnu" : Hl7PeerGate.Printable.of(header.sendingApplication());
        audit.record(AuditEntry.of(Actor.system("hl7:" + who), AUDIT_REFUSED, null).on("hl7_message", row.id())
                .withDetail(detail + (header == null ? "" : " ; " + Hl7PeerGate.Printable.of(header.typeAndEvent())
                        + " " + Hl7PeerGate.Printable.of(header.controlId()))));
        LOG.warn("Message HL7 refusé (AR) de {} : {}", connection, reason);
        return ack;
    }

    /** -1 when this source's refusals are no longer recorded this minute, else how many were not since. */
    private long recordable(InetAddress address) {
        if (refusals.size() > 10_000) {
            refusals.clear();
        }
        long minute = clock.millis() / 60_000;
        long[] w = refusals.computeIfAbsent(address == null ? InetAddress.getLoopbackAddress() : address,
                a -> new long[3]);
        synchronized (w) {
            if (w[0] != minute) {
                w[0] = minute;
                w[1] = 0;
            }
            if (++w[1] > RECORDED_REFUSALS_PER_MINUTE) {
                w[2]++;
                return -1;
            }
            long skipped = w[2];
            w[2] = 0;
            return skipped;
        }
    }

    private byte[] refuse(String remote, MshHeader header, Charset answerCharset, byte[] content, long size, Hl7Error error) {
        byte[] ack = Acks.bytes(Acks.build(header, AckCode.AE, List.of(error)), answerCharset);
        int kept = (int) Math.min(size, Integer.MAX_VALUE);
        store.storeRefused(listener, remote, header, answerCharset.name(), content, kept, AckCode.AE.name(),
                error.describe(), ack);
        LOG.warn("Message HL7 refusé de {} : {}", remote, error.describe());
        return ack;
    }
}
