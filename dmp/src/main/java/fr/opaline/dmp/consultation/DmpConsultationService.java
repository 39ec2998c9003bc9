package fr.opaline.dmp.consultation;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.dmp.DmpAuditActions;
import fr.opaline.dmp.DmpChanges;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.authorization.DmpAuthorizations;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpException;
import fr.opaline.dmp.client.DmpRejectedException;
import fr.opaline.dmp.client.DmpUnavailableException;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.ConsultationPermit;
import fr.opaline.dmp.feeding.DmpVisibilityHandler;
import fr.opaline.dmp.hl7v3.AuthorizationStatus;
import fr.opaline.dmp.hl7v3.ExistenceTest;
import fr.opaline.dmp.xds.RetrieveDocuments;
import fr.opaline.dmp.xds.StoredQuery;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsTime;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReadException;
import fr.opaline.documents.cda.CdaReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The integrated consultation of a patient's DMP (SC.DMP/UX.14*, UX.27, UX.31, RIS.DMP/UX.15/17,
 * CDA/DD.05). Every transaction needs a {@link ConsultationPermit} from the {@link ConsentGuard}:
 * without a traced consent (or break-glass) a {@code ConsentRequiredException} is thrown and no
 * request leaves. The user must be a health professional strongly authenticated (PSC or AIR
 * simplifié) and the patient's INS qualified. All methods block on the network: call them off the
 * FX thread.
 */
public final class DmpConsultationService {

    private final Database database;
    private final ConsentGuard guard;
    private final DmpClient client;
    private final DmpAuthorizations authorizations;
    private final AuditTrail audit;
    private final DmpChanges changes;
    private final IdGenerator ids;
    private final Clock clock;
    private final String structureId;

    /** @param structureId the practice's structure identifier (IDNST): its documents are not "third party" */
    public DmpConsultationService(Database database, ConsentGuard guard, DmpClient client,
                                  DmpAuthorizations authorizations, AuditTrail audit, DmpChanges changes,
                                  IdGenerator ids, Clock clock, String structureId) {
        this.database = database;
        this.guard = guard;
        this.client = client;
        this.authorizations = authorizations;
        this.audit = audit;
        this.changes = changes;
        this.ids = ids;
        this.clock = clock;
        this.structureId = structureId;
    }

    /**
     * Opening the patient's record: TD0.2 (existence and authorisation), the authorisation set
     * when absent or expired, then one ITI-18 for the documents; the counts since the user's last
     * visit and the metadata list come back together. An unreachable DMP is recorded (the DICA
     * shows it) and thrown.
     */
    public RecordOpening open(UUID patientId, DmpUser user, Actor actor) throws DmpException {
        Patient patient = patient(patientId);
        ConsultationPermit permit = permit(patient, user);
        UUID userId = user.account().id();
        Instant now = clock.instant();
        RecordStatuses statuses = new RecordStatuses(database.dsl());
        Instant lastVisit = statuses.find(patientId, userId).map(RecordStatus::lastConsultedAt).orElse(null);
        ExistenceTest.Answer answer;
        try {
            answer = client.testExistence(permit);
        } catch (DmpUnavailableException e) {
            saveStatus(patientId, userId, RecordState.UNAVAILABLE, null, e.getMessage(), null, actor);
            throw e;
        }
        audit.record(AuditEntry.of(actor, DmpAuditActions.RECORD_CHECKED, patientId)
                .withDetail(describe(answer) + (permit.subject().purpose() == fr.opaline.dmp.vihf.PurposeOfUse.BRIS_DE_GLACE
                        ? " (bris de glace)" : "")));
        if (!answer.exists() || !answer.open() || answer.authorization() == AuthorizationStatus.INTERDITE) {
            RecordState state = !answer.exists() ? RecordState.ABSENT : !answer.open() ? RecordState.CLOSED
                    : RecordState.REFUSED;
            RecordStatus status = saveStatus(patientId, userId, state, answer.authorization(),
                    state == RecordState.REFUSED ? "Accès bloqué par le patient." : null, null, actor);
            return new RecordOpening(status, DmpCounts.NONE, List.of(), List.of(), false);
        }
        boolean set;
        try {
            set = authorizations.ensure(permit, answer.authorization(), user.account().rpps(), actor);
        } catch (DmpRejectedException e) {
            saveStatus(patientId, userId, RecordState.REFUSED, answer.authorization(), e.getMessage(), null, actor);
            throw e;
        }
        AuthorizationStatus authorization = set ? AuthorizationStatus.VALIDE : answer.authorization();
        List<XdsDocumentEntry> entries = client.query(permit, StoredQuery.findDocuments(
                XdsVocabulary.patientId(patient.ins()), List.of(XdsVocabulary.APPROVED, XdsVocabulary.DEPRECATED),
                null, null, null)).entries();
        List<DmpDocument> documents = view(patientId, entries.stream()
                .filter(e -> XdsVocabulary.APPROVED.equals(e.status())).toList(), lastVisit);
        List<NewerVersion> newer = newerVersions(patientId, entries);
        RecordStatus status = saveStatus(patientId, userId, RecordState.OPEN, authorization, null, now, actor);
        audit.record(AuditEntry.of(actor, DmpAuditActions.DOCUMENTS_LISTED, patientId)
                .withDetail(documents.size() + " document(s) dans le DMP"));
        return new RecordOpening(status, DmpCounts.of(documents), documents, newer, set);
    }

    /** An ITI-18 search with the filter's types and dates, then its author and invisibility filters. */
    public List<DmpDocument> search(UUID patientId, DmpUser user, DocumentFilter filter, Actor actor)
            throws DmpException {
        Patient patient = patient(patientId);
        ConsultationPermit permit = permit(patient, user);
        Instant lastVisit = new RecordStatuses(database.dsl()).find(patientId, user.account().id())
                .map(RecordStatus::lastConsultedAt).orElse(null);
        List<XdsDocumentEntry> entries = client.query(permit, StoredQuery.findDocuments(
                XdsVocabulary.patientId(patient.ins()), List.of(XdsVocabulary.APPROVED),
                filter.from() == null ? null : XdsTime.format(filter.from()),
                filter.to() == null ? null : XdsTime.format(filter.to()), List.copyOf(filter.typeCodes()))).entries();
        audit.record(AuditEntry.of(actor, DmpAuditActions.DOCUMENTS_LISTED, patientId)
                .withDetail("recherche : " + entries.size() + " document(s)"));
        return view(patientId, entries, lastVisit).stream().filter(filter).toList();
    }

    /**
     * Retrieves (ITI-43) the chosen documents and stores them in the patient's record with the DMP
     * provenance; a document already held (same CDA id, or same setId and versionNumber) is not
     * stored twice. A newer version supersedes the older one held.
     */
    public List<Integration> integrate(UUID patientId, DmpUser user, List<String> uniqueIds, Actor actor)
            throws DmpException {
        Patient patient = patient(patientId);
        ConsultationPermit permit = permit(patient, user);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(uniqueIds));
        List<Integration> results = new ArrayList<>();
        List<String> toFetch = new ArrayList<>();
        DocumentRepository local = new DocumentRepository(database.dsl());
        for (String uid : wanted) {
            Optional<ClinicalDocument> held = local.findByDocumentUid(uid);
            if (held.isPresent()) {
                results.add(new Integration(uid, Integration.Outcome.ALREADY_HELD, held.get().id(), "Déjà dans le dossier"));
            } else {
                toFetch.add(uid);
            }
        }
        if (toFetch.isEmpty()) {
            return results;
        }
        Map<String, XdsDocumentEntry> entries = client.query(permit, StoredQuery.getDocuments(toFetch)).entries().stream()
                .collect(Collectors.toMap(XdsDocumentEntry::uniqueId, Function.identity(), (a, b) -> b));
        List<RetrieveDocuments.Request> requests = new ArrayList<>();
        for (String uid : toFetch) {
            XdsDocumentEntry entry = entries.get(uid);
            if (entry == null) {
                results.add(new Integration(uid, Integration.Outcome.REJECTED, null, "Document introuvable dans le DMP"));
            } else {
                requests.add(new RetrieveDocuments.Request(entry.repositoryUniqueId(), uid));
            }
        }
        if (requests.isEmpty()) {
            return results;
        }
        List<RetrieveDocuments.Retrieved> retrieved = client.retrieve(permit, requests);
        Set<String> got = new LinkedHashSet<>();
        for (RetrieveDocuments.Retrieved r : retrieved) {
            got.add(r.uniqueId());
            results.add(store(patient, entries.get(r.uniqueId()), r, actor));
        }
        for (RetrieveDocuments.Request r : requests) {
            if (!got.contains(r.uniqueId())) {
                results.add(new Integration(r.uniqueId(), Integration.Outcome.REJECTED, null, "Non renvoyé par le DMP"));
            }
        }
        return results;
    }

    /** Makes a document of the DMP visible to the patient again, in one click (ITI-57). */
    public void makeVisible(UUID patientId, DmpUser user, String uniqueId, Actor actor) throws DmpException {
        Patient patient = patient(patientId);
        ConsultationPermit permit = permit(patient, user);
        XdsDocumentEntry entry = client.query(permit, StoredQuery.getDocuments(List.of(uniqueId))).entries().stream()
                .filter(e -> e.uniqueId().equals(uniqueId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Document introuvable dans le DMP"));
        if (!entry.invisibleToPatient()) {
            return;
        }
        client.updateConfidentiality(permit, entry, DmpVisibilityHandler.confidentiality(entry, false,
                entry.hiddenFromLegalRepresentatives()));
        database.inTransactionRun(ctx -> {
            DocumentRepository documents = new DocumentRepository(ctx);
            documents.findByDocumentUid(uniqueId).ifPresent(d ->
                    documents.updateVisibility(d.id(), false, d.hiddenFromLegalRepresentatives()));
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.VISIBILITY_CHANGED, patientId)
                    .withDetail("Document " + uniqueId + " rendu visible au patient dans le DMP"));
        });
    }

    // --- internals ---------------------------------------------------------------------------

    private Patient patient(UUID patientId) {
        return new PatientRepository(database.dsl()).findById(patientId)
                .orElseThrow(() -> new NotFoundException("Patient introuvable"));
    }

    /** Consent first (nothing leaves without it), then the user's and the identity's conditions. */
    private ConsultationPermit permit(Patient patient, DmpUser user) {
        guard.allowedPurpose(patient.id());
        if (!user.professional()) {
            throw new BusinessRuleException("Seul un professionnel de santé identifié par son RPPS consulte le DMP.");
        }
        if (!user.stronglyAuthenticated()) {
            throw new BusinessRuleException("Connectez-vous avec Pro Santé Connect (CPS / e-CPS) ou en AIR simplifié à "
                    + "deux facteurs pour consulter le DMP.");
        }
        if (!patient.insQualified()) {
            throw new BusinessRuleException("L'INS du patient doit être qualifiée pour consulter son DMP.");
        }
        return guard.permit(patient.id(), user.account().id(), purpose -> user.subject(patient.ins(), purpose));
    }

    private List<DmpDocument> view(UUID patientId, List<XdsDocumentEntry> entries, Instant lastVisit) {
        List<ClinicalDocument> held = new DocumentRepository(database.dsl()).listForPatient(patientId);
        Set<String> heldUids = held.stream().map(ClinicalDocument::documentUid).collect(Collectors.toSet());
        return entries.stream().map(e -> {
            boolean thirdParty = structureId == null || !structureId.equals(e.authorStructureId());
            Instant created = e.creationTime() == null ? null : XdsTime.parse(e.creationTime());
            boolean fresh = lastVisit == null || created == null || created.isAfter(lastVisit);
            return new DmpDocument(e, thirdParty, fresh, heldUids.contains(e.uniqueId()));
        }).toList();
    }

    private List<NewerVersion> newerVersions(UUID patientId, List<XdsDocumentEntry> entries) {
        Set<String> deprecated = entries.stream().filter(e -> XdsVocabulary.DEPRECATED.equals(e.status()))
                .map(XdsDocumentEntry::uniqueId).collect(Collectors.toSet());
        return new DocumentRepository(database.dsl()).listForPatient(patientId).stream()
                .filter(d -> d.provenance() == Provenance.DMP && d.status() == DocumentStatus.CURRENT
                        && deprecated.contains(d.documentUid()))
                .map(d -> new NewerVersion(d.id(), d.documentUid(), d.title())).toList();
    }

    private Integration store(Patient patient, XdsDocumentEntry entry, RetrieveDocuments.Retrieved r, Actor actor) {
        CdaHeader header;
        try {
            header = new CdaReader().read(r.content()).header();
        } catch (CdaReadException e) {
            return new Integration(r.uniqueId(), Integration.Outcome.REJECTED, null, "CDA illisible : " + e.getMessage());
        }
        CdaHeader.InstanceId ins = header.ins();
        if (ins != null && !(ins.extension() != null && ins.extension().equals(patient.ins().matricule()))) {
            return new Integration(r.uniqueId(), Integration.Outcome.REJECTED, null,
                    "Le document concerne un autre patient : non intégré.");
        }
        String uid = header.id() == null ? r.uniqueId() : header.id().asUid();
        String setId = header.setId() == null ? uid : header.setId().asUid();
        int version = Math.max(1, header.versionNumber());
        return database.inTransaction(ctx -> {
            DocumentRepository documents = new DocumentRepository(ctx);
            List<ClinicalDocument> family = documents.findBySetId(setId).stream()
                    .filter(d -> d.patientId().equals(patient.id())).toList();
            Optional<ClinicalDocument> same = documents.findByDocumentUid(uid).or(() -> family.stream()
                    .filter(d -> d.versionNumber() == version).findFirst());
            if (same.isPresent()) {
                return new Integration(r.uniqueId(), Integration.Outcome.ALREADY_HELD, same.get().id(),
                        "Déjà dans le dossier (même identifiant ou même version)");
            }
            boolean newerHeld = family.stream().anyMatch(d -> d.versionNumber() > version);
            family.stream().filter(d -> d.versionNumber() < version && d.status() == DocumentStatus.CURRENT)
                    .forEach(d -> documents.updateStatus(d.id(), DocumentStatus.SUPERSEDED));
            String author = header.author() == null ? entry.authorDisplayName()
                    : (nullToEmpty(header.author().given()) + " " + nullToEmpty(header.author().family())).strip();
            ClinicalDocument doc = new ClinicalDocument(ids.newId(), patient.id(), uid, setId, version,
                    header.code() == null ? "" : header.code().code(),
                    header.title() == null ? (entry.title() == null ? "Document" : entry.title()) : header.title(),
                    header.effectiveTime() != null ? header.effectiveTime() : clock.instant(), author,
                    entry.authorRpps(), Provenance.DMP, newerHeld ? DocumentStatus.SUPERSEDED : DocumentStatus.CURRENT,
                    entry.invisibleToPatient(), entry.hiddenFromLegalRepresentatives(),
                    r.mimeType() == null ? "text/xml" : r.mimeType(), r.content(), null, clock.instant());
            documents.insertIfAbsent(doc);
            audit.record(ctx, AuditEntry.of(actor, DmpAuditActions.DOCUMENT_INTEGRATED, patient.id())
                    .on("clinical_document", doc.id()).withDetail("Intégré depuis le DMP : " + doc.title()
                            + " (v" + version + ")"));
            return new Integration(r.uniqueId(), Integration.Outcome.INTEGRATED, doc.id(), null);
        });
    }

    private RecordStatus saveStatus(UUID patientId, UUID userId, RecordState state, AuthorizationStatus authorization,
                                    String detail, Instant consultedAt, Actor actor) {
        RecordStatus status = database.inTransaction(ctx -> {
            RecordStatuses statuses = new RecordStatuses(ctx);
            statuses.save(patientId, userId, clock.instant(), state, authorization, detail, consultedAt);
            return statuses.find(patientId, userId).orElseThrow();
        });
        changes.changed(patientId);
        return status;
    }

    private static String describe(ExistenceTest.Answer a) {
        if (!a.exists()) {
            return "DMP inexistant";
        }
        return (a.open() ? "DMP ouvert" : "DMP fermé") + ", autorisation "
                + (a.authorization() == null ? "inconnue" : a.authorization().label());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
