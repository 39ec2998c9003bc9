package fr.opaline.sandbox.dmp;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.dmp.hl7v3.AuthorizationStatus;
import fr.opaline.dmp.hl7v3.ExistenceTest;
import fr.opaline.dmp.hl7v3.Habilitations;
import fr.opaline.dmp.soap.Dom;
import fr.opaline.dmp.soap.MimeMultipart;
import fr.opaline.dmp.soap.SoapEnvelope;
import fr.opaline.dmp.soap.SoapFault;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.vihf.PurposeOfUse;
import fr.opaline.dmp.vihf.VihfAttributes;
import fr.opaline.dmp.vihf.VihfClaims;
import fr.opaline.dmp.vihf.VihfException;
import fr.opaline.dmp.vihf.VihfVerifier;
import fr.opaline.dmp.xds.MetadataUpdate;
import fr.opaline.dmp.xds.QueryResponse;
import fr.opaline.dmp.xds.RegistryError;
import fr.opaline.dmp.xds.RegistryResponses;
import fr.opaline.dmp.xds.RetrieveDocuments;
import fr.opaline.dmp.xds.Rim;
import fr.opaline.dmp.xds.StoredQuery;
import fr.opaline.dmp.xds.SubmissionSignature;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsHash;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.documents.xds.XdsMetadata;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.w3c.dom.Element;

/**
 * What the sandbox DMP does with each verified request, and the records it keeps. Rules:
 * <ul>
 * <li>every request: a TLS client certificate and a VIHF signed by the structure's other
 *     certificate (cachet), both with the structure identifier in their OU, about one patient
 *     (resource-id);</li>
 * <li>a patient's record is created at first contact (as Mon espace santé is for everyone),
 *     unless the patient was declared without a record; a record can be closed;</li>
 * <li>consultation (FindDocuments, GetRelatedDocuments, ITI-43, visibility changes by others):
 *     open record, professional not blocked by the patient, a profession that the matrix lets
 *     consult, and a valid individual authorisation unless in break-glass mode; results filtered
 *     by the matrix, documents masked to professionals kept from others;</li>
 * <li>feeding (ITI-41, GetDocuments and deletion in indirect authentication): the structure's own
 *     documents only; the submission's signature checked against the documents and the VIHF's
 *     signature certificate; a uniqueId is accepted once;</li>
 * <li>TD0.4 sets a 6-month authorisation (status DMPOK); renewing one in indirect authentication
 *     is accepted.</li>
 * </ul>
 */
public final class SandboxTransactions {

    public static final String REPOSITORY_ID = "2.25.311245812733451223961728309312640154781";
    private static final int RECEIVED_KEPT = 20_000;

    /** What to send back: envelope, attachments, HTTP status. */
    public record Reply(SoapEnvelope envelope, String action, List<MimeMultipart.Part> attachments, int httpStatus) {
        static Reply of(SoapEnvelope envelope, String action) {
            return new Reply(envelope, action, List.of(), 200);
        }

        static Reply fault(SoapFault fault, String relatesTo) {
            return new Reply(SoapEnvelope.fault(fault, relatesTo), "fault", List.of(), fault.senderFault() ? 400 : 500);
        }
    }

    private final Clock clock;
    private final X509Certificate authority;
    private final boolean seedDocuments;
    private final Map<String, SandboxRecord> records = new LinkedHashMap<>();
    private final Set<String> withoutRecord = new HashSet<>();
    private final Map<String, String> replacedBy = new HashMap<>();
    private final Deque<Received> received = new ArrayDeque<>();
    private final Map<String, Integer> requestsByPatient = new HashMap<>();
    private final Map<String, Integer> acceptedByUniqueId = new HashMap<>();
    private final Map<String, Integer> attemptsByUniqueId = new HashMap<>();
    private final List<String> signatures = new ArrayList<>();
    private int duplicatesRefused;

    SandboxTransactions(Clock clock, X509Certificate authority, boolean seedDocuments) {
        this.clock = clock;
        this.authority = authority;
        this.seedDocuments = seedDocuments;
    }

    // --- control (tests, demonstration) -------------------------------------------------------

    /** Declares that the patient has no DMP (TD0.2 answers NF, submissions are refused). */
    public synchronized void withoutRecord(String matricule) {
        withoutRecord.add(matricule);
        records.remove(matricule);
    }

    public synchronized void closeRecord(String matricule) {
        record(matricule).open = false;
    }

    /** The patient blocks a professional (Mon espace santé). */
    public synchronized void block(String matricule, String rpps) {
        record(matricule).blockedRpps.add(rpps);
    }

    /** Adds a document fed by a third party (another structure). */
    public synchronized XdsDocumentEntry addThirdPartyDocument(InsNumber ins, byte[] cda, XdsMetadata metadata,
                                                               Instant submittedAt) {
        SandboxRecord record = record(ins.matricule());
        String id = "urn:uuid:" + UUID.randomUUID();
        XdsDocumentEntry entry = XdsDocumentEntry.of(metadata, id, XdsVocabulary.patientId(ins))
                .stored(id, id, 1, REPOSITORY_ID, XdsVocabulary.APPROVED);
        record.documents.add(new SandboxRecord.Stored(entry, cda, submittedAt, "tiers"));
        return entry;
    }

    /** Marks a document deprecated, as when its author replaced it by other means (tests, demonstration). */
    public synchronized void deprecate(String matricule, String uniqueId) {
        SandboxRecord.Stored stored = record(matricule).byUniqueId(uniqueId);
        if (stored != null) {
            stored.entry = stored.entry.withStatus(XdsVocabulary.DEPRECATED);
        }
    }

    /** The end of a professional's individual authorisation on a record, or null. */
    public synchronized Instant authorizationEnd(String matricule, String rpps) {
        SandboxRecord record = records.get(matricule);
        return record == null ? null : record.authorizations.get(rpps);
    }

    /** Current metadata of the documents of a record (deleted ones included). */
    public synchronized List<XdsDocumentEntry> documents(String matricule) {
        SandboxRecord record = records.get(matricule);
        return record == null ? List.of() : record.documents.stream().map(s -> s.entry).toList();
    }

    /** How many times a uniqueId was accepted by ITI-41 (1 when fed exactly once). */
    public synchronized int acceptedSubmissions(String uniqueId) {
        return acceptedByUniqueId.getOrDefault(uniqueId, 0);
    }

    public synchronized Map<String, Integer> acceptedSubmissions() {
        return Map.copyOf(acceptedByUniqueId);
    }

    public synchronized int duplicatesRefused() {
        return duplicatesRefused;
    }

    /**
     * How many ITI-41 submissions carried this uniqueId, whatever their outcome (accepted, refused
     * as a duplicate or for any other reason): 1 when the practice sent it exactly once.
     */
    public synchronized int submissionAttempts(String uniqueId) {
        return attemptsByUniqueId.getOrDefault(uniqueId, 0);
    }

    /** Every uniqueId received by ITI-41 with its number of submissions, refused ones included. */
    public synchronized Map<String, Integer> submissionAttempts() {
        return Map.copyOf(attemptsByUniqueId);
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests received about one patient (by INS matricule), whatever their outcome. */
    public synchronized int requestsAbout(String matricule) {
        return requestsByPatient.getOrDefault(matricule, 0);
    }

    synchronized Map<String, Object> inspect() {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> patients = new ArrayList<>();
        for (SandboxRecord r : records.values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ins", r.ins);
            p.put("ouvert", r.open);
            p.put("requetes", requestsByPatient.getOrDefault(r.ins, 0));
            p.put("professionnelsBloques", List.copyOf(r.blockedRpps));
            p.put("autorisations", Map.copyOf(r.authorizations));
            List<Map<String, Object>> docs = new ArrayList<>();
            for (SandboxRecord.Stored s : r.documents) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("uniqueId", s.entry.uniqueId());
                d.put("entryUuid", s.entry.entryUuid());
                d.put("statut", s.entry.status());
                d.put("titre", s.entry.title());
                d.put("type", s.entry.typeCode() == null ? null : s.entry.typeCode().code());
                d.put("auteur", s.entry.authorPerson());
                d.put("structure", s.entry.authorInstitution());
                d.put("confidentialite", s.entry.confidentialityCodes().stream().map(c -> c.code()).toList());
                d.put("versionMetadonnees", s.entry.metadataVersion());
                d.put("recuLe", s.submittedAt);
                d.put("taille", s.content.length);
                docs.add(d);
            }
            p.put("documents", docs);
            patients.add(p);
        }
        view.put("dossiers", patients);
        view.put("sansDossier", List.copyOf(withoutRecord));
        view.put("soumissionsAcceptees", acceptedByUniqueId.values().stream().mapToInt(Integer::intValue).sum());
        view.put("doublonsRefuses", duplicatesRefused);
        view.put("tentativesDeSoumission", Map.copyOf(attemptsByUniqueId));
        view.put("signaturesVerifiees", signatures.size());
        List<Received> last = new ArrayList<>(received);
        view.put("dernieresRequetes", last.subList(Math.max(0, last.size() - 200), last.size()));
        return view;
    }

    // --- dispatch ----------------------------------------------------------------------------

    synchronized Reply handle(String service, SoapEnvelope envelope, List<MimeMultipart.Part> parts,
                              X509Certificate tls) {
        String action = envelope.action();
        String relatesTo = envelope.messageId();
        VihfClaims claims;
        try {
            claims = VihfVerifier.verify(envelope.securityHeader(), clock.instant());
            checkCaller(claims, tls);
        } catch (VihfException e) {
            log(service, action, null, null, "VIHF refusé : " + e.getMessage());
            return Reply.fault(new SoapFault(SoapFault.SENDER, "DMPVIHFInvalid", e.getMessage()), relatesTo);
        }
        String patient = claims.patientMatricule();
        Reply reply;
        try {
            if (patient == null) {
                throw new Refusal("DMPVIHFInvalid", "Le VIHF ne désigne aucun patient (resource-id).");
            }
            reply = switch (service + " " + action) {
                case "patients " + ExistenceTest.ACTION -> existence(envelope, claims, relatesTo);
                case "habilitations " + Habilitations.ACTION -> authorization(envelope, claims, relatesTo);
                case "registry " + XdsVocabulary.ITI18 -> query(envelope, claims, relatesTo);
                case "registry " + XdsVocabulary.ITI57 -> update(envelope, claims, relatesTo);
                case "repository " + XdsVocabulary.ITI41 -> provide(envelope, parts, claims, tls, relatesTo);
                case "repository " + XdsVocabulary.ITI43 -> retrieve(envelope, claims, relatesTo);
                default -> throw new Refusal("ActionNotSupported", "Action " + action + " inconnue du service " + service);
            };
            log(service, action, patient, claims, reply.httpStatus() == 200 ? "OK" : "erreur");
        } catch (Refusal r) {
            log(service, action, patient, claims, r.code + " : " + r.getMessage());
            reply = Reply.fault(new SoapFault(SoapFault.SENDER, r.code, r.getMessage()), relatesTo);
        }
        return reply;
    }

    /**
     * The caller as the DMP checks it: a TLS client certificate (ORG-AUTH_CLI) and a VIHF signed by
     * the structure's separate signature certificate (cachet, ORG-SIGN), both from the IGC Santé and
     * of the same structure (OU); the VIHF's Identifiant_Structure is that OU (IGC Santé organisation
     * certificates carry the structure identifier in the OU, the CN is free text). Two certificates:
     * requirement EX_GEN-1450 (public in bitbucket.org/devbox-sante/homologation issue 29), the ANS
     * DRIMbox PoC (ansforge/DRIM-M_DRIMbox, DMPKeyStore: auth.p12 for TLS, signature.p12 for the VIHF).
     * In INDIRECTE_RENFORCEE mode the AuthnContextDecl is one that public sources name.
     */
    private void checkCaller(VihfClaims claims, X509Certificate tls) throws VihfException {
        if (tls == null) {
            throw new VihfException("Connexion sans certificat client.");
        }
        if (tls.equals(claims.signer())) {
            throw new VihfException("Le VIHF est signé par le certificat d'authentification de la connexion TLS : "
                    + "il doit l'être par le certificat de signature (cachet) de la structure.");
        }
        try {
            claims.signer().verify(authority.getPublicKey());
        } catch (Exception e) {
            throw new VihfException("Le certificat signataire n'est pas émis par l'IGC Santé (test).");
        }
        String structure = claims.attribute(VihfAttributes.STRUCTURE_ID);
        String tlsStructure = organisationalUnit(tls);
        if (!structure.equals(tlsStructure)) {
            throw new VihfException("Identifiant_Structure (" + structure + ") différent de celui du certificat ("
                    + tlsStructure + ").");
        }
        if (!structure.equals(organisationalUnit(claims.signer()))) {
            throw new VihfException("Le certificat de signature du VIHF n'est pas celui de la structure " + structure + ".");
        }
        if ("INDIRECTE_RENFORCEE".equals(claims.attribute(VihfAttributes.AUTHENTICATION_MODE))
                && !AUTHN_CONTEXT_DECLS.contains(claims.authnContextDecl())) {
            throw new VihfException("AuthnContextDecl inconnu : " + claims.authnContextDecl() + ".");
        }
    }

    /**
     * AuthnContextDecl values of public sources: CONF_EXI_PGSSIS (AIR simplifié, requirement EX_AIR-050,
     * bitbucket.org/devbox-sante/homologation issue 195), APP_BROWSER_AUTH (ansforge/DRIM-M_DRIMbox VIHF.java).
     */
    private static final List<String> AUTHN_CONTEXT_DECLS = List.of("CONF_EXI_PGSSIS", "APP_BROWSER_AUTH");

    private static String organisationalUnit(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if ("OU".equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private void log(String service, String action, String patient, VihfClaims claims, String outcome) {
        received.addLast(new Received(clock.instant(), service, action, patient, claims == null ? null : claims.nameId(),
                claims == null ? null : claims.purposeOfUse(),
                claims == null ? null : claims.attribute(VihfAttributes.AUTHENTICATION_MODE), outcome));
        while (received.size() > RECEIVED_KEPT) {
            received.removeFirst();
        }
        if (patient != null) {
            requestsByPatient.merge(patient, 1, Integer::sum);
        }
    }

    /** A refusal sent back as a SOAP fault (Sender) with the DMP's error code. */
    private static final class Refusal extends Exception {
        private final String code;

        Refusal(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    // --- records and access rules --------------------------------------------------------------

    private SandboxRecord record(String matricule) {
        if (withoutRecord.contains(matricule)) {
            return null;
        }
        return records.computeIfAbsent(matricule, m -> {
            SandboxRecord r = new SandboxRecord(m);
            if (seedDocuments) {
                seed(r);
            }
            return r;
        });
    }

    private void seed(SandboxRecord record) {
        InsNumber ins = new InsNumber(record.ins, InsNumber.OID_TEST_NIR);
        Instant now = clock.instant();
        String[][] specs = {
                {"11488-4", "Compte rendu de consultation", "Consultation de cardiologie", "99700020001", "Paul", "MARTIN",
                        "1750000011", "Cabinet de cardiologie du Parc (fictif)", "false", "12"},
                {"11502-2", "CR d'examens biologiques", "Bilan biologique", "99700020002", "Anne", "ROUX",
                        "1750000012", "Laboratoire des Tilleuls (fictif)", "true", "3"}};
        for (String[] s : specs) {
            String uid = "2.25." + Math.abs(UUID.randomUUID().getMostSignificantBits());
            byte[] cda = SandboxDocuments.cda(new SandboxDocuments.Spec(uid, uid + ".0", 1, s[0], s[1], s[2], s[3], s[4],
                    s[5], s[6], s[7], now.minus(java.time.Duration.ofDays(Long.parseLong(s[9]))),
                    s[2] + " (document fictif du bac à sable DMP)."), ins.matricule(), ins.oid());
            XdsMetadata metadata = SandboxDocuments.metadata(cda, Boolean.parseBoolean(s[8]), false);
            String id = "urn:uuid:" + UUID.randomUUID();
            record.documents.add(new SandboxRecord.Stored(XdsDocumentEntry.of(metadata, id, XdsVocabulary.patientId(ins))
                    .stored(id, id, 1, REPOSITORY_ID, XdsVocabulary.APPROVED), cda, now, "tiers"));
        }
    }

    private SandboxRecord existingOpen(String matricule) throws Refusal {
        SandboxRecord record = record(matricule);
        if (record == null) {
            throw new Refusal("DMPPatientNotFound", "Le patient n'a pas de DMP.");
        }
        if (!record.open) {
            throw new Refusal("DMPClosed", "Le DMP du patient est fermé.");
        }
        return record;
    }

    private static boolean indirect(VihfClaims claims) {
        return AccessAuthentication.INDIRECT.vihfMode().equals(claims.attribute(VihfAttributes.AUTHENTICATION_MODE));
    }

    /** Checks the consultation rights of the caller on the record. */
    private SandboxRecord consultation(VihfClaims claims) throws Refusal {
        SandboxRecord record = existingOpen(claims.patientMatricule());
        String rpps = claims.rpps();
        if (rpps == null) {
            throw new Refusal("DMPAccessDenied", "Identifiant national du professionnel (8 + RPPS) attendu.");
        }
        if (indirect(claims)) {
            throw new Refusal("DMPAccessDenied", "La consultation exige l'authentification du professionnel "
                    + "(Pro Santé Connect ou AIR simplifié), pas l'authentification indirecte.");
        }
        if (record.blockedRpps.contains(rpps)) {
            throw new Refusal("DMPAccessDeniedByExcludedPS", "Le patient a bloqué l'accès de ce professionnel à son DMP.");
        }
        if (!HabilitationMatrix.mayConsult(claims.professionCode())) {
            throw new Refusal("DMPAccessDeniedByProfession", "La profession " + claims.professionCode()
                    + " ne permet pas de consulter le DMP.");
        }
        boolean breakGlass = PurposeOfUse.BRIS_DE_GLACE.code().equals(claims.purposeOfUse());
        Instant end = record.authorizations.get(rpps);
        if (!breakGlass && (end == null || !clock.instant().isBefore(end))) {
            throw new Refusal("DMPAccessDenied", "Autorisation d'accès du professionnel absente ou expirée.");
        }
        return record;
    }

    private boolean visibleTo(SandboxRecord.Stored s, VihfClaims claims) {
        if (s.entry.maskedToProfessionals() && !ownStructure(s.entry, claims)) {
            return false;
        }
        return HabilitationMatrix.mayRead(claims.professionCode(), s.entry.typeCode() == null ? null
                : s.entry.typeCode().code());
    }

    private static boolean ownStructure(XdsDocumentEntry entry, VihfClaims claims) {
        String structure = claims.attribute(VihfAttributes.STRUCTURE_ID);
        return structure != null && structure.equals(entry.authorStructureId());
    }

    // --- TD0.2, TD0.4 ------------------------------------------------------------------------

    private Reply existence(SoapEnvelope envelope, VihfClaims claims, String relatesTo) throws Refusal {
        InsNumber asked = ExistenceTest.readRequest(envelope.payload());
        if (asked == null || !asked.matricule().equals(claims.patientMatricule())) {
            throw new Refusal("DMPInvalidRequest", "Le patient demandé n'est pas celui du VIHF.");
        }
        SandboxRecord record = record(asked.matricule());
        ExistenceTest.Answer answer;
        if (record == null) {
            answer = new ExistenceTest.Answer(true, null, false, false, null);
        } else {
            answer = new ExistenceTest.Answer(true, null, true, record.open, authorizationOf(record, claims.rpps()));
        }
        SoapEnvelope out = SoapEnvelope.response(ExistenceTest.RESPONSE_ACTION, relatesTo);
        ExistenceTest.writeAnswer(out.body(), asked, answer, clock.instant());
        return Reply.of(out, ExistenceTest.RESPONSE_ACTION);
    }

    private AuthorizationStatus authorizationOf(SandboxRecord record, String rpps) {
        if (rpps == null) {
            return AuthorizationStatus.NON_EXISTANTE;
        }
        if (record.blockedRpps.contains(rpps)) {
            return AuthorizationStatus.INTERDITE;
        }
        Instant end = record.authorizations.get(rpps);
        if (end == null) {
            return AuthorizationStatus.NON_EXISTANTE;
        }
        return clock.instant().isBefore(end) ? AuthorizationStatus.VALIDE : AuthorizationStatus.EXPIREE;
    }

    private Reply authorization(SoapEnvelope envelope, VihfClaims claims, String relatesTo) throws Refusal {
        SandboxRecord record = existingOpen(claims.patientMatricule());
        String rpps = claims.rpps();
        String action = Habilitations.readRequest(envelope.payload());
        if (rpps == null) {
            throw new Refusal("DMPAccessDenied", "Identifiant national du professionnel (8 + RPPS) attendu.");
        }
        if (record.blockedRpps.contains(rpps)) {
            throw new Refusal("DMPAccessDeniedByExcludedPS", "Le patient a bloqué l'accès de ce professionnel à son DMP.");
        }
        if (!HabilitationMatrix.mayConsult(claims.professionCode())) {
            throw new Refusal("DMPAccessDeniedByProfession", "La profession " + claims.professionCode()
                    + " ne permet pas d'accéder au DMP.");
        }
        if (indirect(claims) && !record.authorizations.containsKey(rpps)) {
            throw new Refusal("DMPAccessDenied", "Une première autorisation exige l'authentification du professionnel.");
        }
        String context;
        if (Habilitations.ADD.equals(action)) {
            Instant end = clock.instant().atZone(ZoneOffset.UTC).plusMonths(6).toInstant();
            record.authorizations.put(rpps, end);
            context = "Autorisation valable jusqu'au " + end;
        } else if (Habilitations.REMOVE.equals(action)) {
            record.authorizations.remove(rpps);
            context = "Autorisation supprimée";
        } else {
            throw new Refusal("DMPInvalidRequest", "Action d'autorisation inconnue : " + action);
        }
        SoapEnvelope out = SoapEnvelope.response(Habilitations.RESPONSE_ACTION, relatesTo);
        Habilitations.writeAnswer(out.body(), new Habilitations.Answer(Habilitations.SUCCESS, context));
        return Reply.of(out, Habilitations.RESPONSE_ACTION);
    }

    // --- ITI-18 ------------------------------------------------------------------------------

    private Reply query(SoapEnvelope envelope, VihfClaims claims, String relatesTo) throws Refusal {
        StoredQuery query;
        try {
            query = StoredQuery.read(envelope.payload());
        } catch (IllegalArgumentException e) {
            throw new Refusal("XDSRegistryError", "Requête ITI-18 mal formée : " + e.getMessage());
        }
        List<XdsDocumentEntry> found = new ArrayList<>();
        List<QueryResponse.Association> associations = new ArrayList<>();
        switch (query.queryId()) {
            case XdsVocabulary.FIND_DOCUMENTS -> {
                SandboxRecord record = consultation(claims);
                String patient = query.value(StoredQuery.PATIENT_ID);
                if (patient == null || !patient.startsWith(record.ins + "^")) {
                    throw new Refusal("XDSPatientIdDoesNotMatch", "Le patient de la requête n'est pas celui du VIHF.");
                }
                List<String> statuses = query.values(StoredQuery.STATUS);
                String from = query.value(StoredQuery.CREATION_FROM);
                String to = query.value(StoredQuery.CREATION_TO);
                List<String> types = query.values(StoredQuery.TYPE_CODE).stream().map(t -> t.split("\\^")[0]).toList();
                for (SandboxRecord.Stored s : record.documents) {
                    XdsDocumentEntry e = s.entry;
                    if ((statuses.isEmpty() || statuses.contains(e.status())) && visibleTo(s, claims)
                            && within(e.creationTime(), from, to)
                            && (types.isEmpty() || (e.typeCode() != null && types.contains(e.typeCode().code())))) {
                        found.add(e);
                    }
                }
            }
            case XdsVocabulary.GET_DOCUMENTS -> {
                List<String> uids = query.values(StoredQuery.UNIQUE_ID);
                if (indirect(claims)) {
                    SandboxRecord record = existingOpen(claims.patientMatricule());
                    for (SandboxRecord.Stored s : record.documents) {
                        if (uids.contains(s.entry.uniqueId()) && ownStructure(s.entry, claims)) {
                            found.add(s.entry);
                        }
                    }
                } else {
                    SandboxRecord record = consultation(claims);
                    for (SandboxRecord.Stored s : record.documents) {
                        if (uids.contains(s.entry.uniqueId()) && visibleTo(s, claims)) {
                            found.add(s.entry);
                        }
                    }
                }
            }
            case XdsVocabulary.GET_RELATED_DOCUMENTS -> {
                SandboxRecord record = consultation(claims);
                SandboxRecord.Stored origin = record.byUniqueId(String.valueOf(query.value(StoredQuery.UNIQUE_ID)));
                if (origin != null && visibleTo(origin, claims)) {
                    found.add(origin.entry);
                    String newer = replacedBy.get(origin.entry.entryUuid());
                    SandboxRecord.Stored replacing = newer == null ? null : record.byEntryUuid(newer);
                    if (replacing != null && visibleTo(replacing, claims)) {
                        found.add(replacing.entry);
                        associations.add(new QueryResponse.Association("urn:uuid:" + UUID.randomUUID(),
                                XdsVocabulary.RPLC, replacing.entry.entryUuid(), origin.entry.entryUuid()));
                    }
                }
            }
            default -> throw new Refusal("XDSUnknownStoredQuery", "Requête stockée inconnue : " + query.queryId());
        }
        SoapEnvelope out = SoapEnvelope.response(XdsVocabulary.ITI18 + "Response", relatesTo);
        QueryResponse.write(out.body(), found, associations, List.of());
        return Reply.of(out, XdsVocabulary.ITI18 + "Response");
    }

    private static boolean within(String time, String from, String to) {
        if (time == null) {
            return from == null && to == null;
        }
        String t = (time + "00000000000000").substring(0, 14);
        return (from == null || t.compareTo((from + "00000000000000").substring(0, 14)) >= 0)
                && (to == null || t.compareTo((to + "00000000000000").substring(0, 14)) < 0);
    }

    // --- ITI-43 ------------------------------------------------------------------------------

    private Reply retrieve(SoapEnvelope envelope, VihfClaims claims, String relatesTo) throws Refusal {
        SandboxRecord record = consultation(claims);
        List<RetrieveDocuments.Retrieved> documents = new ArrayList<>();
        List<RegistryError> errors = new ArrayList<>();
        for (RetrieveDocuments.Request request : RetrieveDocuments.readRequest(envelope.payload())) {
            SandboxRecord.Stored s = record.byUniqueId(request.uniqueId());
            if (s == null || !visibleTo(s, claims) || XdsVocabulary.DELETED.equals(s.entry.status())) {
                errors.add(new RegistryError("XDSMissingDocument", "Document introuvable : " + request.uniqueId(),
                        request.uniqueId()));
            } else {
                documents.add(new RetrieveDocuments.Retrieved(REPOSITORY_ID, s.entry.uniqueId(), s.entry.mimeType(),
                        s.content));
            }
        }
        SoapEnvelope out = SoapEnvelope.response(XdsVocabulary.ITI43 + "Response", relatesTo);
        List<MimeMultipart.Part> parts = RetrieveDocuments.writeResponse(out.body(), documents, errors);
        return new Reply(out, XdsVocabulary.ITI43 + "Response", parts, 200);
    }

    // --- ITI-41 ------------------------------------------------------------------------------

    private Reply provide(SoapEnvelope envelope, List<MimeMultipart.Part> parts, VihfClaims claims,
                          X509Certificate tls, String relatesTo) throws Refusal {
        List<RegistryError> errors = new ArrayList<>();
        SandboxRecord record = record(claims.patientMatricule());
        Element request = envelope.payload();
        Element list = Dom.child(Dom.child(request, "SubmitObjectsRequest"), "RegistryObjectList");
        Element ss = Dom.child(list, "RegistryPackage");
        String ssUid = null;
        String ssPatient = null;
        for (Element ei : Dom.children(ss, "ExternalIdentifier")) {
            if (XdsVocabulary.SS_UNIQUE_ID.equals(ei.getAttribute("identificationScheme"))) {
                ssUid = ei.getAttribute("value");
            } else if (XdsVocabulary.SS_PATIENT_ID.equals(ei.getAttribute("identificationScheme"))) {
                ssPatient = ei.getAttribute("value");
            }
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Element document : Dom.children(request, "Document")) {
            MimeMultipart.Part part = MimeMultipart.byHref(parts, Dom.child(document, "Include") == null ? null
                    : Dom.child(document, "Include").getAttribute("href"));
            if (part != null) {
                contents.put(document.getAttribute("id"), part.content());
            }
        }
        XdsDocumentEntry signatureEntry = null;
        List<XdsDocumentEntry> entries = new ArrayList<>();
        for (Element eo : Dom.children(list, "ExtrinsicObject")) {
            XdsDocumentEntry e = Rim.readDocumentEntry(eo);
            if (e.classCode() != null && XdsVocabulary.SIGNATURE_CLASS.code().equals(e.classCode().code())) {
                signatureEntry = e;
            } else {
                entries.add(e);
            }
        }
        if (record == null) {
            errors.add(new RegistryError("XDSUnknownPatientId", "Le patient n'a pas de DMP.", ssPatient));
        } else if (!record.open) {
            errors.add(new RegistryError("DMPClosed", "Le DMP du patient est fermé.", ssPatient));
        }
        if (ssUid == null || ssPatient == null || !ssPatient.startsWith(claims.patientMatricule() + "^")) {
            errors.add(new RegistryError("XDSPatientIdDoesNotMatch",
                    "Le lot de soumission ne désigne pas le patient du VIHF.", ssPatient));
        }
        if (entries.isEmpty()) {
            errors.add(new RegistryError("XDSRegistryMetadataError", "Aucun document dans la soumission.", null));
        }
        Map<String, byte[]> byUniqueId = new LinkedHashMap<>();
        for (XdsDocumentEntry e : entries) {
            attemptsByUniqueId.merge(e.uniqueId(), 1, Integer::sum);
            byte[] content = contents.get(e.entryUuid());
            if (content == null) {
                errors.add(new RegistryError("XDSMissingDocument", "Contenu absent pour " + e.uniqueId(), e.uniqueId()));
                continue;
            }
            byUniqueId.put(e.uniqueId(), content);
            if (e.patientId() == null || !e.patientId().startsWith(claims.patientMatricule() + "^")) {
                errors.add(new RegistryError("XDSPatientIdDoesNotMatch", "Patient du document différent du VIHF.",
                        e.uniqueId()));
            }
            if (e.hash() != null && !e.hash().equalsIgnoreCase(XdsHash.sha1(content))
                    || e.size() != null && e.size() != content.length) {
                errors.add(new RegistryError("XDSRepositoryMetadataError", "Taille ou empreinte (hash) incorrecte.",
                        e.uniqueId()));
            }
            if (!ownStructure(e, claims)) {
                errors.add(new RegistryError("XDSRegistryMetadataError",
                        "La structure auteur du document n'est pas celle du VIHF.", e.uniqueId()));
            }
            if (uniqueIdKnown(e.uniqueId())) {
                duplicatesRefused++;
                errors.add(new RegistryError("XDSDuplicateUniqueIdInRegistry", "Document déjà présent : " + e.uniqueId(),
                        e.uniqueId()));
            }
        }
        if (signatureEntry == null || contents.get(signatureEntry.entryUuid()) == null) {
            errors.add(new RegistryError("XDSRegistryMetadataError", "Soumission non signée (document de signature absent).",
                    null));
        } else if (errors.isEmpty()) {
            try {
                X509Certificate signer = SubmissionSignature.verify(contents.get(signatureEntry.entryUuid()), ssUid,
                        byUniqueId);
                if (!signer.equals(claims.signer())) {
                    errors.add(new RegistryError("XDSRegistryMetadataError",
                            "Soumission signée par un autre certificat que le cachet qui signe le VIHF.", null));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new RegistryError("XDSRegistryMetadataError", "Signature de la soumission : " + e.getMessage(),
                        null));
            }
        }
        Map<String, String> replaces = new HashMap<>();
        for (Element a : Dom.children(list, "Association")) {
            if (XdsVocabulary.RPLC.equals(a.getAttribute("associationType"))) {
                String target = a.getAttribute("targetObject");
                SandboxRecord.Stored old = record == null ? null : record.byEntryUuid(target);
                if (old == null || !old.entry.approved()) {
                    errors.add(new RegistryError("XDSRegistryError", "Document remplacé introuvable ou déjà remplacé : "
                            + target, target));
                } else {
                    replaces.put(a.getAttribute("sourceObject"), target);
                }
            }
        }
        if (errors.isEmpty()) {
            Instant now = clock.instant();
            for (XdsDocumentEntry e : entries) {
                String id = "urn:uuid:" + UUID.randomUUID();
                record.documents.add(new SandboxRecord.Stored(e.stored(id, id, 1, REPOSITORY_ID, XdsVocabulary.APPROVED),
                        byUniqueId.get(e.uniqueId()), now, claims.nameId()));
                acceptedByUniqueId.merge(e.uniqueId(), 1, Integer::sum);
                String old = replaces.get(e.entryUuid());
                if (old != null) {
                    SandboxRecord.Stored previous = record.byEntryUuid(old);
                    previous.entry = previous.entry.withStatus(XdsVocabulary.DEPRECATED);
                    replacedBy.put(old, id);
                }
            }
            signatures.add(signatureEntry.uniqueId());
        }
        SoapEnvelope out = SoapEnvelope.response(XdsVocabulary.ITI41 + "Response", relatesTo);
        RegistryResponses.write(out.body(), errors);
        return Reply.of(out, XdsVocabulary.ITI41 + "Response");
    }

    private boolean uniqueIdKnown(String uniqueId) {
        for (SandboxRecord r : records.values()) {
            if (r.byUniqueId(uniqueId) != null) {
                return true;
            }
        }
        return false;
    }

    // --- ITI-57 ------------------------------------------------------------------------------

    private Reply update(SoapEnvelope envelope, VihfClaims claims, String relatesTo) throws Refusal {
        SandboxRecord record = existingOpen(claims.patientMatricule());
        Element list = Dom.child(envelope.payload(), "RegistryObjectList");
        List<RegistryError> errors = new ArrayList<>();
        int applied = 0;
        Map<String, XdsDocumentEntry> newVersions = new LinkedHashMap<>();
        for (Element eo : Dom.children(list, "ExtrinsicObject")) {
            XdsDocumentEntry e = Rim.readDocumentEntry(eo);
            newVersions.put(e.entryUuid(), e);
        }
        for (Element a : Dom.children(list, "Association")) {
            String type = a.getAttribute("associationType");
            if (XdsVocabulary.UPDATE_AVAILABILITY.equals(type)) {
                SandboxRecord.Stored s = record.byEntryUuid(a.getAttribute("targetObject"));
                String newStatus = Rim.slotValue(a, MetadataUpdate.NEW_STATUS);
                if (s == null) {
                    errors.add(new RegistryError("XDSRegistryError", "Document introuvable.", a.getAttribute("targetObject")));
                } else if (!ownStructure(s.entry, claims)) {
                    errors.add(new RegistryError("XDSRegistryError",
                            "Seule la structure auteur peut changer le statut de ce document.", s.entry.uniqueId()));
                } else if (!XdsVocabulary.DELETED.equals(newStatus) && !XdsVocabulary.APPROVED.equals(newStatus)) {
                    errors.add(new RegistryError("XDSRegistryError", "Statut inconnu : " + newStatus, s.entry.uniqueId()));
                } else {
                    s.entry = s.entry.withStatus(newStatus);
                    s.metadataUpdates++;
                    applied++;
                }
            } else if (XdsVocabulary.HAS_MEMBER.equals(type) && newVersions.containsKey(a.getAttribute("targetObject"))) {
                XdsDocumentEntry next = newVersions.get(a.getAttribute("targetObject"));
                SandboxRecord.Stored s = record.byUniqueId(next.uniqueId());
                String previous = Rim.slotValue(a, MetadataUpdate.PREVIOUS_VERSION);
                if (s == null) {
                    errors.add(new RegistryError("XDSRegistryError", "Document introuvable.", next.uniqueId()));
                } else if (previous == null || Integer.parseInt(previous) != s.entry.metadataVersion()) {
                    errors.add(new RegistryError("XDSMetadataVersionError",
                            "Version des métadonnées périmée (attendue " + s.entry.metadataVersion() + ").", next.uniqueId()));
                } else if (!ownStructure(s.entry, claims) && !onlyRevealing(s.entry, next)) {
                    errors.add(new RegistryError("XDSRegistryError",
                            "Un tiers ne peut que rendre un document visible.", next.uniqueId()));
                } else {
                    if (!ownStructure(s.entry, claims)) {
                        consultation(claims);
                    }
                    s.entry = s.entry.withConfidentiality(next.confidentialityCodes())
                            .stored(next.entryUuid(), s.entry.logicalId(), s.entry.metadataVersion() + 1,
                                    s.entry.repositoryUniqueId(), s.entry.status());
                    s.metadataUpdates++;
                    applied++;
                }
            }
        }
        if (applied == 0 && errors.isEmpty()) {
            errors.add(new RegistryError("XDSRegistryError", "Aucune mise à jour reconnue dans la demande.", null));
        }
        SoapEnvelope out = SoapEnvelope.response(XdsVocabulary.ITI57 + "Response", relatesTo);
        RegistryResponses.write(out.body(), errors);
        return Reply.of(out, XdsVocabulary.ITI57 + "Response");
    }

    /** The new confidentiality only removes invisibility codes. */
    private static boolean onlyRevealing(XdsDocumentEntry current, XdsDocumentEntry next) {
        Set<String> before = new HashSet<>();
        current.confidentialityCodes().forEach(c -> before.add(c.code()));
        Set<String> after = new HashSet<>();
        next.confidentialityCodes().forEach(c -> after.add(c.code()));
        if (!before.containsAll(after)) {
            return false;
        }
        before.removeAll(after);
        return before.stream().allMatch(c -> c.equals(XdsVocabulary.INVISIBLE_PATIENT.code())
                || c.equals(XdsVocabulary.INVISIBLE_LEGAL_REPRESENTATIVES.code()));
    }
}
