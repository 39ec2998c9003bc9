package fr.opaline.dmp.client;

import static fr.opaline.dmp.soap.DmpNamespaces.WSSE;

import fr.opaline.dmp.consent.ConsultationPermit;
import fr.opaline.dmp.hl7v3.ExistenceTest;
import fr.opaline.dmp.hl7v3.Habilitations;
import fr.opaline.dmp.soap.Dom;
import fr.opaline.dmp.soap.MimeMultipart;
import fr.opaline.dmp.soap.SoapEnvelope;
import fr.opaline.dmp.soap.SoapException;
import fr.opaline.dmp.soap.SoapFault;
import fr.opaline.dmp.vihf.VihfSigner;
import fr.opaline.dmp.vihf.VihfSubject;
import fr.opaline.dmp.xds.DmpSubmission;
import fr.opaline.dmp.xds.MetadataUpdate;
import fr.opaline.dmp.xds.ProvideAndRegisterRequest;
import fr.opaline.dmp.xds.QueryResponse;
import fr.opaline.dmp.xds.RegistryResponses;
import fr.opaline.dmp.xds.RetrieveDocuments;
import fr.opaline.dmp.xds.StoredQuery;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.documents.xds.XdsMetadata.Code;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * The DMP client: every transaction a SOAP 1.2 + WS-Addressing message with a signed VIHF, over the
 * practice's mutual-TLS channel. Consultation transactions (TD0.2, TD0.4, ITI-18, ITI-43, ITI-57
 * visibility) need a {@link ConsultationPermit}; feeding transactions (ITI-41, the uniqueId lookup
 * that keeps them idempotent, ITI-57 deletion and visibility of the practice's own documents) are
 * made in the author's name with indirect authentication. Blocking: call it off the FX thread.
 */
public final class DmpClient {

    /** Identification of the software in HL7v3 messages and of the practice as XDS source. */
    public record Source(String lpsOid, String lpsName, ProvideAndRegisterRequest.Source xds) {
    }

    /** What ITI-41 returned: the identifiers of the submission. */
    public record Submitted(String submissionSetUniqueId, String signatureUniqueId) {
    }

    private static final String SOAP_CONTENT_TYPE = "application/soap+xml; charset=UTF-8";

    private final DmpEndpoints endpoints;
    private final DmpTransport transport;
    private final VihfSigner signer;
    private final Source source;
    private final Clock clock;

    public DmpClient(DmpEndpoints endpoints, DmpTransport transport, VihfSigner signer, Source source, Clock clock) {
        this.endpoints = endpoints;
        this.transport = transport;
        this.signer = signer;
        this.source = source;
        this.clock = clock;
    }

    public VihfSigner signer() {
        return signer;
    }

    // --- consultation ----------------------------------------------------------------------

    /** TD0.2: does the patient have an open DMP, and is this professional authorised on it? */
    public ExistenceTest.Answer testExistence(ConsultationPermit permit) throws DmpException {
        VihfSubject subject = permit.subject();
        Reply reply = call(endpoints.patients(), ExistenceTest.ACTION, subject,
                body -> ExistenceTest.writeRequest(body, subject.patient(), source.lpsOid(), source.lpsName(),
                        clock.instant()), List.of());
        return ExistenceTest.readAnswer(reply.payload());
    }

    /** TD0.4: sets (AJOUT) the professional's individual authorisation on the patient's DMP. */
    public Habilitations.Answer setAuthorization(ConsultationPermit permit) throws DmpException {
        Reply reply = call(endpoints.habilitations(), Habilitations.ACTION, permit.subject(),
                body -> Habilitations.writeRequest(body, Habilitations.ADD), List.of());
        Habilitations.Answer answer = Habilitations.readAnswer(reply.payload());
        if (!answer.ok()) {
            throw new DmpRejectedException("HABILITATION", "Autorisation refusée par le DMP : " + answer.context());
        }
        return answer;
    }

    /** ITI-18 stored query on the patient's record. */
    public QueryResponse query(ConsultationPermit permit, StoredQuery query) throws DmpException {
        return storedQuery(permit.subject(), query);
    }

    /** ITI-43: the documents' content. */
    public List<RetrieveDocuments.Retrieved> retrieve(ConsultationPermit permit, List<RetrieveDocuments.Request> requests)
            throws DmpException {
        Reply reply = call(endpoints.repository(), XdsVocabulary.ITI43, permit.subject(),
                body -> RetrieveDocuments.writeRequest(body, requests), List.of());
        RegistryResponses.Outcome outcome = RegistryResponses.read(Dom.child(reply.payload(), "RegistryResponse"));
        failOnErrors(outcome);
        try {
            return RetrieveDocuments.readResponse(reply.payload(), reply.parts());
        } catch (SoapException e) {
            throw new DmpUnavailableException("Réponse du DMP illisible : " + e.getMessage(), e);
        }
    }

    /** ITI-57: new visibility of a document found in the DMP (e.g. visible again to the patient). */
    public void updateConfidentiality(ConsultationPermit permit, XdsDocumentEntry entry, List<Code> codes)
            throws DmpException {
        registryUpdate(permit.subject(), body -> MetadataUpdate.writeConfidentiality(body, entry, codes,
                source.xds().sourceId(), source.xds().contentType(), clock.instant()));
    }

    // --- feeding (profil alimentation, authentification indirecte) --------------------------

    /** ITI-41 with the signed submission. */
    public Submitted provideAndRegister(VihfSubject author, DmpSubmission submission) throws DmpException {
        ProvideAndRegisterRequest.Written[] written = new ProvideAndRegisterRequest.Written[1];
        SoapEnvelope envelope = SoapEnvelope.request(XdsVocabulary.ITI41, endpoints.repository());
        written[0] = ProvideAndRegisterRequest.write(envelope.body(), submission, source.xds(),
                signer::signSubmission, clock.instant());
        Reply reply = send(endpoints.repository(), XdsVocabulary.ITI41, envelope, indirect(author, submission),
                written[0].attachments());
        failOnErrors(RegistryResponses.read(reply.payload()));
        return new Submitted(written[0].submissionSetUniqueId(), written[0].signatureUniqueId());
    }

    /** ITI-18 GetDocuments by uniqueId, in the author's name: is this document already in the DMP? */
    public QueryResponse lookup(VihfSubject author, List<String> uniqueIds) throws DmpException {
        return storedQuery(author, StoredQuery.getDocuments(uniqueIds));
    }

    /** ITI-57: the DMP's "deleted" status for a document the practice fed. */
    public void delete(VihfSubject author, XdsDocumentEntry entry) throws DmpException {
        registryUpdate(author, body -> MetadataUpdate.writeStatus(body, entry, XdsVocabulary.DELETED,
                source.xds().sourceId(), source.xds().contentType(), clock.instant()));
    }

    /** ITI-57 visibility change of a document the practice fed, in its author's name. */
    public void updateConfidentialityAsAuthor(VihfSubject author, XdsDocumentEntry entry, List<Code> codes)
            throws DmpException {
        registryUpdate(author, body -> MetadataUpdate.writeConfidentiality(body, entry, codes,
                source.xds().sourceId(), source.xds().contentType(), clock.instant()));
    }

    // --- exchange --------------------------------------------------------------------------

    private QueryResponse storedQuery(VihfSubject subject, StoredQuery query) throws DmpException {
        Reply reply = call(endpoints.registry(), XdsVocabulary.ITI18, subject, query::write, List.of());
        QueryResponse response = QueryResponse.read(reply.payload());
        failOnErrors(response.outcome());
        return response;
    }

    private void registryUpdate(VihfSubject subject, Consumer<Element> body) throws DmpException {
        Reply reply = call(endpoints.registry(), XdsVocabulary.ITI57, subject, body, List.of());
        failOnErrors(RegistryResponses.read(reply.payload()));
    }

    private static void failOnErrors(RegistryResponses.Outcome outcome) throws DmpRejectedException {
        if (!outcome.success()) {
            String code = outcome.errors().isEmpty() ? "XDSRegistryError" : outcome.errors().get(0).errorCode();
            throw new DmpRejectedException(code, "Le DMP a refusé la demande : " + outcome.describe());
        }
    }

    private static VihfSubject indirect(VihfSubject author, DmpSubmission submission) {
        return author.forPatient(submission.patient());
    }

    private record Reply(SoapEnvelope envelope, List<MimeMultipart.Part> parts) {
        Element payload() {
            return envelope.payload();
        }
    }

    private Reply call(URI endpoint, String action, VihfSubject subject, Consumer<Element> body,
                       List<MimeMultipart.Part> attachments) throws DmpException {
        SoapEnvelope envelope = SoapEnvelope.request(action, endpoint);
        body.accept(envelope.body());
        return send(endpoint, action, envelope, subject, attachments);
    }

    private Reply send(URI endpoint, String action, SoapEnvelope envelope, VihfSubject subject,
                       List<MimeMultipart.Part> attachments) throws DmpException {
        Element security = envelope.security();
        if (subject.pscAccessToken() != null) {
            Element token = Dom.add(security, WSSE, "wsse:BinarySecurityToken",
                    Base64.getEncoder().encodeToString(subject.pscAccessToken().getBytes(StandardCharsets.UTF_8)));
            token.setAttribute("ValueType", PSC_TOKEN_TYPE);
            token.setAttribute("EncodingType", BASE64_ENCODING);
        }
        byte[] xml = signer.signedEnvelope(security, subject, clock.instant());
        String contentType;
        byte[] payload;
        if (attachments.isEmpty()) {
            contentType = SOAP_CONTENT_TYPE + "; action=\"" + action + "\"";
            payload = xml;
        } else {
            MimeMultipart.Encoded encoded = MimeMultipart.write(xml, action, attachments);
            contentType = encoded.contentType();
            payload = encoded.body();
        }
        DmpTransport.Response response;
        try {
            response = transport.post(endpoint, contentType, payload);
        } catch (IOException e) {
            throw new DmpUnavailableException("DMP injoignable : " + describe(e), e);
        }
        return read(response);
    }

    /** ValueType of the PSC access token carried beside the VIHF. */
    public static final String PSC_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    public static final String BASE64_ENCODING =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";

    private static Reply read(DmpTransport.Response response) throws DmpException {
        boolean soap = response.contentType() != null && (response.contentType().contains("soap+xml")
                || MimeMultipart.isMultipart(response.contentType()));
        if (!soap) {
            throw new DmpUnavailableException("Le DMP est indisponible (HTTP " + response.status() + ").", null);
        }
        try {
            List<MimeMultipart.Part> parts = MimeMultipart.isMultipart(response.contentType())
                    ? MimeMultipart.read(response.contentType(), response.body()) : List.of();
            SoapEnvelope envelope = SoapEnvelope.read(parts.isEmpty() ? response.body() : parts.get(0).content());
            var fault = envelope.fault();
            if (fault.isPresent()) {
                SoapFault f = fault.get();
                if (!f.senderFault()) {
                    throw new DmpUnavailableException("Le DMP est en erreur : " + f.reason(), null);
                }
                throw new DmpRejectedException(f.subcode() == null ? "Sender" : f.subcode(), f.reason());
            }
            if (response.status() != 200 || envelope.payload() == null) {
                throw new DmpUnavailableException("Réponse inattendue du DMP (HTTP " + response.status() + ").", null);
            }
            return new Reply(envelope, parts);
        } catch (SoapException e) {
            throw new DmpUnavailableException("Réponse du DMP illisible : " + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connexion refusée";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
