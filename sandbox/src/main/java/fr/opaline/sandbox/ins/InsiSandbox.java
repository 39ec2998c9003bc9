package fr.opaline.sandbox.ins;

import static fr.opaline.ins.insi.InsiXml.child;
import static fr.opaline.ins.insi.InsiXml.text;

import fr.opaline.core.common.Json;
import fr.opaline.sandbox.SandboxService;
import fr.opaline.ins.insi.InsiSoap;
import fr.opaline.ins.insi.InsiXml;
import fr.opaline.ins.insi.SoapWriter;
import fr.opaline.platform.http.Exchange;
import fr.opaline.platform.http.HttpError;
import fr.opaline.platform.http.HttpService;
import fr.opaline.platform.http.HttpSettings;
import fr.opaline.platform.http.Reply;
import fr.opaline.platform.http.Routes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * A stand-in for the téléservice INSi on loopback: the same SOAP 1.2 operations
 * (rechercherInsAvecTraitsIdentite, rechercherInsAvecCarteVitale, verifierInsAvecTraitsIdentite)
 * at {@code /lps}, answering 00/01/02 from a dataset of fictitious people, and SOAP faults for
 * malformed requests. Tests (and curious users) can make it fail: a SOAP fault, a truncated or
 * non-SOAP answer, HTTP 503, or a slow answer; a birth name "PANNE" gives a fault too.
 */
public final class InsiSandbox implements SandboxService {

    public static final String NAME = "insi";
    public static final String PATH = "/lps";
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    static final int MAX_RECORDED = 500;
    private static final Pattern ACTION_PARAM = Pattern.compile("action\\s*=\\s*\"?([^\";]+)\"?");

    /** Ways to make the next answer fail. */
    public enum Failure { SOAP_FAULT, TRUNCATED, NOT_SOAP, HTTP_503 }

    /** A request the sandbox received, for the inspection endpoint. */
    public record Received(Instant at, String operation, Map<String, String> fields, String result) {
    }

    private final int port;
    private final SandboxIdentities identities;
    private final Clock clock;
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private HttpService server;

    public InsiSandbox(int port, SandboxIdentities identities, Clock clock) {
        this.port = port;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() throws IOException {
        HttpSettings settings = HttpSettings.defaults("sandbox-insi",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).withThreads(8).withMaxConnections(32)
                .withMaxBodyBytes(MAX_REQUEST_BYTES);
        server = new HttpService(settings, new Routes().any(PATH, this::handle), Json.mapper()).start();
    }

    @Override
    public void stop(Duration grace) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port() + PATH);
    }

    @Override
    public Map<String, URI> endpoints() {
        return server == null ? Map.of() : Map.of("soap", endpoint());
    }

    @Override
    public synchronized Object inspect() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("endpoint", server == null ? null : endpoint().toString());
        state.put("identities", identities.all().size());
        state.put("requests", List.copyOf(received));
        return state;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized void clearReceived() {
        received.clear();
    }

    public SandboxIdentities identities() {
        return identities;
    }

    /** The next answer fails this way (one failure per call, in order). */
    public synchronized void failNext(Failure failure) {
        failures.add(failure);
    }

    /** Every answer waits this long first (time-outs). */
    public void delayAnswers(Duration wait) {
        this.delay = wait;
    }

    private synchronized Failure nextFailure() {
        return failures.poll();
    }

    private synchronized void record(String operation, Map<String, String> fields, String result) {
        if (received.size() >= MAX_RECORDED) {
            received.remove(0);
        }
        received.add(new Received(clock.instant(), operation, fields, result));
    }

    private Reply handle(Exchange exchange) throws IOException {
        if (!delay.isZero()) {
            try {
                TimeUnit.MILLISECONDS.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return send(503, "text/plain", "interrompu");
            }
        }
        if (!"POST".equals(exchange.method())) {
            return send(405, "text/plain", "POST attendu");
        }
        Failure failure = nextFailure();
        if (failure != null) {
            return failWith(failure);
        }
        String contentType = exchange.header("Content-Type").orElse(null);
        if (contentType == null || !contentType.startsWith(InsiSoap.CONTENT_TYPE)) {
            return sendFault(400, "Sender", "insi_400", "Type de contenu attendu : " + InsiSoap.CONTENT_TYPE);
        }
        byte[] body;
        try {
            body = exchange.body();
        } catch (HttpError e) {
            return sendFault(400, "Sender", "insi_413", "Requête trop volumineuse");
        }
        Document doc;
        try {
            doc = InsiXml.parse(body);
        } catch (SAXException e) {
            return sendFault(400, "Sender", "insi_400", "Requête XML mal formée");
        }
        Element soapBody = InsiXml.body(doc);
        Element header = InsiXml.header(doc);
        if (soapBody == null || header == null || InsiXml.children(soapBody).isEmpty()) {
            return sendFault(400, "Sender", "insi_400", "Enveloppe SOAP 1.2 incomplète");
        }
        String action = text(header, "Action");
        if (action == null) {
            Matcher m = ACTION_PARAM.matcher(contentType);
            action = m.find() ? m.group(1) : null;
        }
        String operation = InsiSoap.operationOf(action);
        if (operation == null) {
            return sendFault(400, "Sender", "insi_404", "Action inconnue : " + action);
        }
        if (child(header, "ContexteLPS") == null || child(header, "ContexteBAM") == null) {
            return sendFault(400, "Sender", "insi_401", "Contextes LPS et BAM obligatoires");
        }
        // Emetteur: an 11-12 digit number (ANS kit, issue 25) or an IGC Santé structure identifier
        // (10B0152872 in public INSi client samples); "opaline", what Opaline sent before, is refused.
        String emitter = text(child(header, "ContexteBAM"), "Emetteur");
        if (emitter == null || !fr.opaline.ins.insi.InsiSettings.EMITTER.matcher(emitter.strip()).matches()) {
            return sendFault(400, "Sender", "insi_401", "Emetteur du contexte BAM invalide : " + emitter);
        }
        Element request = InsiXml.children(soapBody).get(0);
        return answer(operation, request);
    }

    private Reply answer(String operation, Element request) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<SandboxIdentity> found;
        boolean verification = false;
        switch (operation) {
            case InsiSoap.OP_BY_TRAITS -> {
                if (!"RECSANSVITALE".equals(request.getLocalName()) || !InsiSoap.RECSANS_NS.equals(request.getNamespaceURI())) {
                    return sendFault(400, "Sender", "insi_400", "RECSANSVITALE attendu");
                }
                for (String f : List.of("NomNaissance", "Prenom", "Sexe", "DateNaissance", "LieuNaissance")) {
                    fields.put(f, text(request, f));
                }
                if (fields.get("NomNaissance") == null || fields.get("Prenom") == null || fields.get("Sexe") == null
                        || fields.get("DateNaissance") == null) {
                    record(operation, fields, "faute");
                    return sendFault(400, "Sender", "insi_422",
                            "Traits obligatoires manquants : nom de naissance, prénom, sexe, date de naissance");
                }
                if ("PANNE".equals(fields.get("NomNaissance"))) {
                    record(operation, fields, "faute");
                    return sendFault(500, "Receiver", "insi_500", "Service momentanément indisponible");
                }
                found = identities.byTraits(fields.get("NomNaissance"), fields.get("Prenom"), fields.get("Sexe"),
                        fields.get("DateNaissance"), fields.get("LieuNaissance"));
            }
            case InsiSoap.OP_BY_CARTE_VITALE -> {
                if (!"RECVITALE".equals(request.getLocalName()) || !InsiSoap.RECVIT_NS.equals(request.getNamespaceURI())) {
                    return sendFault(400, "Sender", "insi_400", "RECVITALE attendu");
                }
                fields.put("MatriculeIndividu", text(child(request, "MatriculeIndividu"), "NumIdentifiant"));
                fields.put("MatriculeOD", text(child(request, "MatriculeOD"), "NumIdentifiant"));
                fields.put("NomNaissance", text(request, "NomNaissance"));
                fields.put("DateNaissance", text(request, "DateNaissance"));
                fields.put("RangNaissance", text(request, "RangNaissance"));
                if (fields.get("MatriculeOD") == null || fields.get("DateNaissance") == null) {
                    record(operation, fields, "faute");
                    return sendFault(400, "Sender", "insi_422", "Matricule de l'ouvrant droit et date de naissance obligatoires");
                }
                found = identities.byCarteVitale(fields.get("MatriculeIndividu"), fields.get("MatriculeOD"),
                        fields.get("DateNaissance"), fields.get("RangNaissance"));
            }
            default -> {
                verification = true;
                Element individu = child(request, "IndividuVerifie");
                Element ins = individu == null ? null : child(individu, "INSFourni");
                Element traits = individu == null ? null : child(individu, "TraitsIdentiteIndividu");
                if (!"RequeteUnitaire".equals(request.getLocalName()) || ins == null || traits == null) {
                    return sendFault(400, "Sender", "insi_400", "RequeteUnitaire/IndividuVerifie attendu");
                }
                Element id = child(ins, "IdIndividu");
                fields.put("NumIdentifiant", text(id, "NumIdentifiant"));
                fields.put("Cle", text(id, "Cle"));
                fields.put("OID", text(ins, "OID"));
                for (String f : List.of("NomNaissance", "ListePrenom", "Sexe", "DateNaissance", "LieuNaissance")) {
                    fields.put(f, text(traits, f));
                }
                SandboxIdentity known = identities.byActiveIns(fields.get("NumIdentifiant") + fields.get("Cle"),
                        fields.get("OID"));
                found = known != null && known.birthName().equals(fields.get("NomNaissance"))
                        && known.birthFirstNames().equals(fields.get("ListePrenom"))
                        && known.sex().equals(fields.get("Sexe")) && known.birthDate().equals(fields.get("DateNaissance"))
                        && (fields.get("LieuNaissance") == null || known.birthplace().equals(fields.get("LieuNaissance")))
                        ? List.of(known) : List.of();
            }
        }
        String code = found.isEmpty() ? "01" : found.size() == 1 ? "00" : "02";
        String label = verification
                ? (found.isEmpty() ? "INS et traits non concordants" : "OK")
                : found.isEmpty() ? "Aucune identite trouvee" : found.size() == 1 ? "OK" : "Plusieurs identites trouvees";
        record(operation, fields, code);
        String xml = resultat(verification ? InsiSoap.VERIF_REP_NS : InsiSoap.RESULTAT_NS, code, label,
                found.size() == 1 ? found.get(0) : null);
        return send(200, InsiSoap.CONTENT_TYPE + "; charset=utf-8", xml);
    }

    static String resultat(String ns, String code, String label, SandboxIdentity identity) {
        return SoapWriter.envelope(null, w -> {
            w.startDefault(ns, "RESULTAT").open("", ns, "CR").leaf("", ns, "CodeCR", code).leaf("", ns, "LibelleCR", label)
                    .end();
            if (identity != null) {
                w.open("", ns, "INDIVIDU");
                writeIns(w, ns, "INSACTIF", identity.matricule(), identity.oid());
                for (SandboxIdentity.PreviousIns p : identity.previous()) {
                    writeIns(w, ns, "INSHISTO", p.matricule(), p.oid());
                }
                w.open("", ns, "TIQ").leaf("", ns, "NomNaissance", identity.birthName())
                        .leaf("", ns, "ListePrenom", identity.birthFirstNames())
                        .leaf("", ns, "Sexe", identity.sex())
                        .leaf("", ns, "DateNaissance", identity.birthDate())
                        .leaf("", ns, "LieuNaissance", identity.birthplace())
                        .end().end();
            }
            w.end();
        });
    }

    private static void writeIns(SoapWriter w, String ns, String element, String matricule, String oid)
            throws XMLStreamException {
        w.open("", ns, element).open("", ns, "IdIndividu")
                .leaf("", ns, "NumIdentifiant", matricule.substring(0, 13))
                .leaf("", ns, "Cle", matricule.substring(13)).end()
                .leaf("", ns, "OID", oid).end();
    }

    static String fault(String role, String code, String text) {
        return SoapWriter.envelope(null, w -> w.open("soap", InsiSoap.SOAP_NS, "Fault")
                .open("soap", InsiSoap.SOAP_NS, "Code").leaf("soap", InsiSoap.SOAP_NS, "Value", "soap:" + role).end()
                .open("soap", InsiSoap.SOAP_NS, "Reason").open("soap", InsiSoap.SOAP_NS, "Text")
                .attribute("xml:lang", "fr").text(text).end().end()
                .open("soap", InsiSoap.SOAP_NS, "Detail").start("siram", InsiSoap.SIRAM_NS, "Erreur")
                .attribute("severite", "erreur").attribute("code", code).text(text).end().end()
                .end());
    }

    private Reply failWith(Failure failure) {
        return switch (failure) {
            case SOAP_FAULT -> sendFault(500, "Receiver", "insi_503", "Service momentanément indisponible");
            case HTTP_503 -> send(503, "text/html", "<html><body>Service Unavailable</body></html>");
            case NOT_SOAP -> send(200, "text/html", "<html><body>Maintenance en cours</body></html>");
            case TRUNCATED -> {
                String full = resultat(InsiSoap.RESULTAT_NS, "00", "OK", identities.all().get(0));
                yield send(200, InsiSoap.CONTENT_TYPE, full.substring(0, full.length() / 2));
            }
        };
    }

    private static Reply sendFault(int status, String role, String code, String text) {
        return send(status, InsiSoap.CONTENT_TYPE + "; charset=utf-8", fault(role, code, text));
    }

    private static Reply send(int status, String contentType, String body) {
        return Reply.text(status, contentType, body);
    }
}
