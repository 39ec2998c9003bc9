package fr.opaline.sandbox.drimbox;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import fr.opaline.core.common.Json;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import fr.opaline.hl7.message.AckCode;
import fr.opaline.hl7.message.Acks;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.message.Hl7Context;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.mllp.MllpFrameReader;
import fr.opaline.hl7.mllp.MllpServer;
import fr.opaline.hl7.mllp.MllpServerSettings;
import fr.opaline.hl7.transmission.DocumentAction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in DRIMbox source for {@code opaline sandbox}: an MLLP endpoint that checks each ORU/MDM
 * as a DRIMbox would, acknowledges it (AA, or AE with ERR), keeps what it received (a replacement
 * supersedes, a deletion removes), and a viewer page at the URL printed on the CR
 * ({@code /viewer?studyUID=…&accession=…}) showing the study's CR. Same protocol as the real one:
 * pointing {@code drimbox.source.*} at it or at a real DRIMbox changes nothing else.
 */
public final class DrimboxSandbox implements SandboxService {

    private final int mllpPort;
    private final int httpPort;
    private final Clock clock;
    private final DrimboxSourceValidator validator = new DrimboxSourceValidator();
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final Map<String, ReceivedCr> documents = new LinkedHashMap<>();
    private final List<Map<String, Object>> log = new ArrayList<>();
    private final Map<String, String> documentByMessage = new ConcurrentHashMap<>();
    private final Map<String, Integer> messagesByDocument = new LinkedHashMap<>();
    private MllpServer mllp;
    private HttpService http;

    public DrimboxSandbox(int mllpPort, int httpPort, Clock clock) {
        this.mllpPort = mllpPort;
        this.httpPort = httpPort;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "drimbox";
    }

    @Override
    public void start() throws Exception {
        mllp = new MllpServer("drimbox-sandbox", MllpServerSettings.loopback(mllpPort).withIdleTimeout(Duration.ofMinutes(2)),
                this::onFrame);
        mllp.start();
        http = new HttpService(HttpSettings.defaults("sandbox-drimbox-viewer",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort)).withThreads(4).withMaxConnections(16)
                .withMaxBodyBytes(0), new Routes().get("/viewer", this::viewer), Json.mapper()).start();
    }

    @Override
    public void stop(Duration grace) {
        if (mllp != null) {
            mllp.stop(grace);
        }
        if (http != null) {
            http.close();
        }
    }

    @Override
    public Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("mllp", URI.create("mllp://127.0.0.1:" + mllp.port()));
        endpoints.put("viewer", URI.create("http://127.0.0.1:" + http.port() + "/viewer"));
        return endpoints;
    }

    public int mllpPort() {
        return mllp.port();
    }

    /** The viewer URL template to configure as {@code drimbox.viewerUrl}. */
    public String viewerUrlTemplate() {
        return "http://127.0.0.1:" + http.port() + "/viewer?studyUID={studyInstanceUid}&accession={accessionNumber}";
    }

    @Override
    public synchronized Object inspect() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("documents", new ArrayList<>(documents.values()));
        state.put("messages", new ArrayList<>(log));
        state.put("messagesParDocument", new LinkedHashMap<>(messagesByDocument));
        return state;
    }

    /** The CRs held, by CDA id (for the tests). */
    public synchronized Map<String, ReceivedCr> documents() {
        return new LinkedHashMap<>(documents);
    }

    /**
     * How many messages carried this action on this CDA ({@code INITIAL}, {@code REPLACE},
     * {@code DELETE}), whatever the answer, repeats of a control id answered again included:
     * 1 when the practice sent it exactly once.
     */
    public synchronized int messagesAbout(String action, String documentUid) {
        return messagesByDocument.getOrDefault(action + " " + documentUid, 0);
    }

    /** Every message received with the answer given, in order (for the tests). */
    public synchronized List<Map<String, Object>> messages() {
        return new ArrayList<>(log);
    }

    private byte[] onFrame(MllpFrameReader.Frame frame, fr.opaline.hl7.mllp.MllpConnection connection) {
        MshHeader header = MshHeader.read(frame.content()).orElse(null);
        Charset charset = header == null ? StandardCharsets.UTF_8
                : Hl7Charsets.forMsh18(header.charset()).orElse(StandardCharsets.UTF_8);
        if (header == null || frame.oversized()) {
            return Acks.build(header, AckCode.AE, List.of(Hl7Error.of(Hl7Error.SEGMENT_SEQUENCE,
                    "Message illisible"))).getBytes(charset);
        }
        String messageKey = header.sendingApplication() + "|" + header.controlId();
        byte[] previous = answers.get(messageKey);
        if (previous != null) {
            String document = documentByMessage.get(messageKey);
            if (document != null) {
                synchronized (this) {
                    messagesByDocument.merge(document, 1, Integer::sum);
                }
            }
            return previous;
        }
        byte[] answer = process(header, new String(frame.content(), charset)).getBytes(charset);
        answers.put(header.sendingApplication() + "|" + header.controlId(), answer);
        return answer;
    }

    private synchronized String process(MshHeader header, String text) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("controlId", header.controlId());
        entry.put("type", header.typeAndEvent());
        entry.put("receivedAt", clock.instant().toString());
        List<Hl7Error> errors;
        if (!header.messageType().equals("ORU") && !header.messageType().equals("MDM")) {
            errors = List.of(Hl7Error.of(Hl7Error.UNSUPPORTED_MESSAGE_TYPE, "Unsupported message type").at("MSH", 1, 9));
        } else {
            try {
                Message message = Hl7Context.get().parse(text);
                DrimboxSourceValidator.Checked checked = validator.check(header, message);
                errors = checked.errors();
                if (checked.cda() != null && checked.cda().id() != null && checked.action() != null) {
                    String document = checked.action().name() + " " + checked.cda().id().asUid();
                    messagesByDocument.merge(document, 1, Integer::sum);
                    documentByMessage.put(header.sendingApplication() + "|" + header.controlId(), document);
                }
                if (errors.isEmpty()) {
                    keep(header, checked);
                    entry.put("documentUid", checked.cda().id().asUid());
                    entry.put("action", checked.action().name());
                }
            } catch (HL7Exception e) {
                errors = List.of(Hl7Error.of(Hl7Error.OTHER, "Message illisible : " + e.getMessage()));
            }
        }
        AckCode code = errors.isEmpty() ? AckCode.AA : AckCode.AE;
        entry.put("ack", code.name());
        if (!errors.isEmpty()) {
            entry.put("errors", errors.stream().map(Hl7Error::describe).toList());
        }
        log.add(entry);
        return Acks.build(header, code, errors);
    }

    private void keep(MshHeader header, DrimboxSourceValidator.Checked checked) {
        CdaHeader cda = checked.cda();
        String uid = cda.id().asUid();
        if (checked.action() == DocumentAction.DELETE) {
            ReceivedCr held = documents.get(uid);
            if (held != null) {
                documents.put(uid, held.withStatus("SUPPRIME"));
            }
            return;
        }
        if (checked.action() == DocumentAction.REPLACE && cda.replacedDocumentId() != null) {
            ReceivedCr old = documents.get(cda.replacedDocumentId());
            if (old != null) {
                documents.put(old.documentUid(), old.withStatus("REMPLACE"));
            }
        }
        List<String> studies = cda.serviceEvents().stream().map(CdaHeader.ServiceEvent::studyInstanceUid)
                .filter(s -> s != null).toList();
        String name = cda.patientName() == null ? "" : cda.patientName().birthName() + " " + cda.patientName().birthGivenNames();
        documents.put(uid, new ReceivedCr(header.controlId(), header.typeAndEvent(), checked.action().name(), uid,
                cda.replacedDocumentId(), cda.ins() == null ? null : cda.ins().extension(), name, studies,
                cda.accessionNumber() == null ? null : cda.accessionNumber().extension(), "ACTUEL",
                checked.cdaBytes().length, cda.title(), clock.instant()));
    }

    private Reply viewer(Exchange exchange) {
        String study = exchange.query("studyUID").orElse("");
        String accession = exchange.query("accession").orElse("");
        List<ReceivedCr> matching;
        synchronized (this) {
            matching = documents.values().stream().filter(d -> (!study.isEmpty() && d.studyInstanceUids().contains(study))
                    || (!accession.isEmpty() && accession.equals(d.accessionNumber()))).toList();
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<title>DRIMbox (bac à sable) — visionneuse</title></head><body><h1>Visionneuse DRIMbox (bac à sable)</h1>");
        html.append("<p>Examen : ").append(escape(study)).append(" — n° d'accès : ").append(escape(accession)).append("</p>");
        if (matching.isEmpty()) {
            html.append("<p>Aucun compte rendu reçu pour cet examen.</p>");
        } else {
            html.append("<ul>");
            for (ReceivedCr d : matching) {
                html.append("<li>").append(escape(d.title())).append(" — ").append(escape(d.patientName()))
                        .append(" — document ").append(escape(d.documentUid())).append(" — ").append(d.status())
                        .append("</li>");
            }
            html.append("</ul>");
        }
        html.append("</body></html>");
        return Reply.text(matching.isEmpty() ? 404 : 200, "text/html; charset=utf-8", html.toString());
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
