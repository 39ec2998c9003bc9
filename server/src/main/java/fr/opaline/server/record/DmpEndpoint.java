package fr.opaline.server.record;

import fr.opaline.api.DmpApi;
import fr.opaline.api.dmp.DicaView;
import fr.opaline.api.dmp.DmpIntegration;
import fr.opaline.api.dmp.DmpOpening;
import fr.opaline.api.dmp.DocumentFeed;
import fr.opaline.api.dmp.FeedOptions;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.dmp.feeding.DmpFeedingService;
import fr.opaline.dmp.feeding.FeedStatus;
import fr.opaline.dmp.feeding.ReportFeedOptions;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.user.AuthenticationMethod;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.client.DmpException;
import fr.opaline.dmp.consent.ConsentDecision;
import fr.opaline.dmp.consent.ConsentOrigin;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.consultation.RecordOpening;
import fr.opaline.dmp.dica.DicaChecklist;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.platform.http.HttpError;
import fr.opaline.server.Call;
import fr.opaline.server.ServerSession;
import java.util.List;
import java.util.UUID;

/**
 * DICA, consent, break-glass and consultation over the dmp module. Who the user is for the DMP
 * comes from the server session (how it was opened), never from the workstation; the dmp module's
 * consent guard refuses any request about a patient before consent is traced.
 */
public final class DmpEndpoint implements DmpApi {

    private final DmpConsentService consent;
    private final DicaService dica;
    private final DmpConsultationService consultation;
    private final DmpFeedingService feeding;
    private final fr.opaline.core.persistence.Database database;
    private final boolean demo;

    /**
     * @param consultation null when the server has no DMP address: the consultation answers 503
     * @param demo         a demonstration server: its picker's sign-in stands for AIR simplifié, so
     *                     that the sandbox DMP can be consulted
     */
    public DmpEndpoint(DmpConsentService consent, DicaService dica, DmpConsultationService consultation, boolean demo) {
        this(consent, dica, consultation, null, null, demo);
    }

    /**
     * @param feeding  null: the feeding controls answer 503
     * @param database where the record's documents are read (with {@code feeding})
     */
    public DmpEndpoint(DmpConsentService consent, DicaService dica, DmpConsultationService consultation,
                       DmpFeedingService feeding, fr.opaline.core.persistence.Database database, boolean demo) {
        this.consent = consent;
        this.dica = dica;
        this.consultation = consultation;
        this.feeding = feeding;
        this.database = database;
        this.demo = demo;
    }

    /** The signed-in user as the DMP sees them: PSC, or TOTP (AIR simplifié); a password alone gives none. */
    DmpUser user(ServerSession session) {
        AuthenticationMethod method = session.authentication().method();
        if (demo && method == AuthenticationMethod.LOCAL_PASSWORD) {
            return new DmpUser(session.user(), AccessAuthentication.AIR_SIMPLIFIE, null);
        }
        return DmpUser.of(session.authentication(), "psc", null);
    }

    @Override
    public DicaView dica(UUID patientId) {
        return view(patient(patientId), Call.signedIn());
    }

    @Override
    public DicaView recordConsent(UUID patientId, boolean patientInformed, boolean feedingOpposition,
                                  ConsultationConsent consultation) {
        UUID patient = patient(patientId);
        if (consultation == null) {
            throw HttpError.badRequest("Consentement à la consultation non précisé.");
        }
        ServerSession session = Call.signedIn();
        consent.record(patient, new ConsentDecision(patientInformed, feedingOpposition, consultation), ConsentOrigin.DICA,
                session.actor());
        return view(patient, session);
    }

    @Override
    public DicaView breakGlass(UUID patientId, String reason) {
        UUID patient = patient(patientId);
        ServerSession session = Call.signedIn();
        consent.breakGlass(patient, reason, session.user(), session.actor());
        return view(patient, session);
    }

    @Override
    public DmpOpening open(UUID patientId) {
        UUID patient = patient(patientId);
        ServerSession session = Call.signedIn();
        RecordOpening opening = dmp(() -> consultation().open(patient, user(session), session.actor()));
        var status = opening.status();
        return new DmpOpening(status.state().name(), status.detail(),
                opening.open() ? new DmpOpening.Counts(opening.counts().newSinceLastVisit(),
                        opening.counts().newInvisible(), opening.counts().total(), opening.counts().totalInvisible())
                        : null,
                opening.documents().stream().map(d -> new DmpOpening.Entry(d.uniqueId(), d.title(), d.typeCode(),
                        d.typeLabel(), d.createdAt(), d.author(), d.institution(), d.invisibleToPatient(),
                        d.hiddenFromLegalRepresentatives(), d.thirdParty(), d.newSinceLastVisit(), d.held())).toList(),
                opening.newerVersions().stream().map(n -> new DmpOpening.NewerVersion(n.localDocumentId(),
                        n.uniqueId(), n.title())).toList());
    }

    @Override
    public List<DmpIntegration> integrate(UUID patientId, List<String> uniqueIds) {
        UUID patient = patient(patientId);
        if (uniqueIds == null || uniqueIds.isEmpty()) {
            throw HttpError.badRequest("Aucun document du DMP choisi.");
        }
        ServerSession session = Call.signedIn();
        return dmp(() -> consultation().integrate(patient, user(session), uniqueIds, session.actor())).stream()
                .map(i -> new DmpIntegration(i.uniqueId(), i.outcome().name(), i.localDocumentId(), i.detail()))
                .toList();
    }

    @Override
    public void makeVisible(UUID patientId, String uniqueId) {
        UUID patient = patient(patientId);
        if (uniqueId == null || uniqueId.isBlank()) {
            throw HttpError.badRequest("Document du DMP non précisé.");
        }
        ServerSession session = Call.signedIn();
        dmp(() -> {
            consultation().makeVisible(patient, user(session), uniqueId, session.actor());
            return null;
        });
    }

    @Override
    public List<fr.opaline.api.dmp.ConsentHistoryLine> consentHistory(UUID patientId) {
        UUID patient = patient(patientId);
        return consent.currentEpisode(patient).map(e -> consent.history(e.id())).orElse(List.of()).stream()
                .map(e -> new fr.opaline.api.dmp.ConsentHistoryLine(e.recordedAt(), e.actorLogin(),
                        e.origin() == null ? null : e.origin().name(), e.breakGlass()
                        ? "Bris de glace : " + e.reason()
                        : (e.patientInformed() ? "patient informé" : "patient non informé")
                        + (e.feedingOpposition() ? ", s'oppose à l'alimentation du DMP" : ", ne s'oppose pas à l'alimentation")
                        + ", consultation : " + e.consultation().label().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    // --- feeding controls ------------------------------------------------------------------

    @Override
    public FeedOptions feedOptions(UUID reportId) {
        return options(required(reportId, "Compte rendu non précisé."));
    }

    @Override
    public FeedOptions holdFeed(UUID reportId, boolean held) {
        feeding().setHeld(required(reportId, "Compte rendu non précisé."), held, Call.signedIn().actor());
        return options(reportId);
    }

    @Override
    public FeedOptions hideFromLegalRepresentatives(UUID reportId, boolean hidden) {
        feeding().setHiddenFromLegalRepresentatives(required(reportId, "Compte rendu non précisé."), hidden,
                Call.signedIn().actor());
        return options(reportId);
    }

    @Override
    public DocumentFeed documentFeed(UUID documentId) {
        return feed(required(documentId, "Document non précisé."));
    }

    @Override
    public DocumentFeed feedHistorical(UUID documentId) {
        ClinicalDocument doc = document(required(documentId, "Document non précisé."));
        // The patient's opposition to feeding, traced on the current episode, is honoured here already.
        if (consent.currentEpisode(doc.patientId()).map(e -> e.dmpFeedingOpposition()).orElse(false)) {
            throw new BusinessRuleException("Le patient s'oppose à l'alimentation de son DMP : document non envoyé.");
        }
        feeding().feedHistorical(documentId, Call.signedIn().actor());
        return feed(documentId);
    }

    @Override
    public DocumentFeed deleteFromDmp(UUID documentId, String reason) {
        required(documentId, "Document non précisé.");
        if (reason == null || reason.isBlank()) {
            throw HttpError.badRequest("Indiquez le motif de la suppression du DMP.");
        }
        feeding().deleteFromDmp(documentId, reason, Call.signedIn().actor());
        return feed(documentId);
    }

    @Override
    public DocumentFeed changeVisibility(UUID documentId, boolean invisibleToPatient,
                                         boolean hiddenFromLegalRepresentatives) {
        feeding().changeVisibility(required(documentId, "Document non précisé."), invisibleToPatient,
                hiddenFromLegalRepresentatives, Call.signedIn().actor());
        return feed(documentId);
    }

    private FeedOptions options(UUID reportId) {
        ReportFeedOptions options = feeding().options(reportId);
        return new FeedOptions(reportId, options.held(), options.hiddenFromLegalRepresentatives());
    }

    private DocumentFeed feed(UUID documentId) {
        DmpFeedingService service = feeding();
        ClinicalDocument doc = document(documentId);
        FeedStatus status = service.status(documentId);
        String state = status.state().name();
        java.util.Optional<FeedStatus> deletion = service.deletionStatus(documentId)
                .filter(d -> d.state() != FeedStatus.State.CANCELLED);
        if (deletion.isPresent()) {
            status = deletion.get();
            state = switch (status.state()) {
                case IN_DMP -> "DELETED";
                case FAILED -> "DELETE_FAILED";
                default -> "DELETING";
            };
        }
        return new DocumentFeed(documentId, state, status.jobId(), status.dueAt(), status.reason(),
                doc.invisibleToPatient(), doc.hiddenFromLegalRepresentatives());
    }

    private ClinicalDocument document(UUID documentId) {
        feeding();
        return new DocumentRepository(database.dsl()).findById(documentId)
                .orElseThrow(() -> new NotFoundException("Document introuvable"));
    }

    private DmpFeedingService feeding() {
        if (feeding == null) {
            throw new HttpError(503, "unavailable", "L'alimentation du DMP n'est pas offerte par ce serveur.");
        }
        return feeding;
    }

    private static UUID required(UUID id, String message) {
        if (id == null) {
            throw HttpError.badRequest(message);
        }
        return id;
    }

    private DicaView view(UUID patient, ServerSession session) {
        DicaChecklist checklist = dica.evaluate(patient, user(session));
        CareEpisode episode = consent.currentEpisode(patient).orElse(null);
        return new DicaView(patient, checklist.userId(), checklist.items().stream()
                .map(i -> new DicaView.Line(i.condition().name(), i.state().name(), i.reason(), i.remedy().name()))
                .toList(), checklist.evaluatedAt(), episode != null && episode.patientInformed(),
                episode != null && episode.dmpFeedingOpposition(),
                episode == null ? ConsultationConsent.NOT_ASKED : episode.consultationConsent(), consultation != null);
    }

    private DmpConsultationService consultation() {
        if (consultation == null) {
            throw new HttpError(503, "unavailable",
                    "Le DMP n'est pas configuré sur le serveur du cabinet (dmp.url) : consultation impossible.");
        }
        return consultation;
    }

    private static UUID patient(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        return patientId;
    }

    private interface DmpCall<T> {
        T call() throws DmpException;
    }

    /** A DMP that refused or could not be reached: 502 with its French message, nothing changed here. */
    private static <T> T dmp(DmpCall<T> call) {
        try {
            return call.call();
        } catch (DmpException e) {
            throw new HttpError(502, "dmp_error", e.getMessage() == null ? "Le DMP n'a pas répondu." : e.getMessage());
        }
    }
}
