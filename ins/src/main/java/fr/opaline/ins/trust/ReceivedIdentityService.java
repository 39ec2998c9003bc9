package fr.opaline.ins.trust;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.ins.insi.InsiIdentity;
import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ins.insi.InsiLookupResult.Outcome;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.InsSource;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Identities received by flow go through the trust-contract matrix (SC.INS.11, SC.INS.20):
 * {@link #evaluate} asks INSi when the matrix needs it and proposes; {@link #apply} carries the
 * proposal out in one transaction, audited, with "tiers de confiance" as device when the sender
 * did not name one.
 */
public final class ReceivedIdentityService {

    public static final String AUDIT_RECEIVED = "IDENTITY_RECEIVED";

    private final Database database;
    private final PatientService patients;
    private final IdentityStatusService statuses;
    private final InsiLookupService insi;
    private final TrustedCorrespondents correspondents;
    private final AuditTrail audit;

    public ReceivedIdentityService(Database database, PatientService patients, IdentityStatusService statuses,
                                   InsiLookupService insi, TrustedCorrespondents correspondents, AuditTrail audit) {
        this.database = database;
        this.patients = patients;
        this.statuses = statuses;
        this.insi = insi;
        this.correspondents = correspondents;
        this.audit = audit;
    }

    /**
     * @param localPatientId the local identity the rapprochement found for the received one
     *     (same INS and traits, or a user's decision), null when none
     */
    public ReceivedIdentityEvaluation evaluate(ReceivedIdentity received, UUID localPatientId) {
        Patient local = localPatientId == null ? null : new PatientRepository(database.dsl()).findById(localPatientId)
                .orElseThrow(() -> new NotFoundException("Patient introuvable"));
        IdentityStatus localStatus = local == null ? null : local.status();
        boolean contract = correspondents.isTrusted(received.channel(), received.sender());
        InsiLookupResult result = null;
        InsiAnswer answer = InsiAnswer.NON_APPELE;
        if (TrustContractMatrix.insiCallNeeded(received.status(), localStatus, contract)) {
            result = insi.lookup(received.traits(), received.ins());
            boolean found = result.outcome() == Outcome.RECUPEREE_AUTOMATIQUEMENT || result.outcome() == Outcome.A_VALIDER;
            boolean sameIns = found && (received.ins() == null
                    || received.ins().matricule().equals(result.identity().activeIns().matricule()));
            answer = sameIns ? InsiAnswer.UNE_IDENTITE : InsiAnswer.AUCUNE_OU_PLUSIEURS;
        }
        TrustDecision decision = TrustContractMatrix.decide(received.status(), localStatus, answer, contract);
        return new ReceivedIdentityEvaluation(received, localPatientId, localStatus, contract, answer, result, decision);
    }

    /** Creates or brings together as proposed; the resulting status is the matrix's. */
    public Patient apply(ReceivedIdentityEvaluation evaluation, Actor actor) {
        TrustDecision decision = evaluation.decision();
        ReceivedIdentity received = evaluation.received();
        Patient result = database.inTransaction(ctx -> {
            UUID patientId;
            if (decision.action() == TrustDecision.Action.CREER_IDENTITE) {
                patientId = patients.create(ctx, new NewPatient(received.traits(), received.usedName(),
                        received.usedFirstName(), null, null), actor).id();
            } else {
                patientId = evaluation.localPatientId();
            }
            Patient patient = raise(ctx, patientId, evaluation, actor);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_RECEIVED, patientId).on("patient", patient.ipp())
                    .withDetail(received.channel() + " " + received.sender() + " : " + decision.explanation()));
            if (patient.status() != decision.status()) {
                throw new IllegalStateException("Statut " + patient.status() + " au lieu de " + decision.status());
            }
            return patient;
        });
        return result;
    }

    private Patient raise(DSLContext ctx, UUID patientId, ReceivedIdentityEvaluation evaluation, Actor actor) {
        TrustDecision decision = evaluation.decision();
        Patient patient = new PatientRepository(ctx).findById(patientId).orElseThrow();
        if (decision.status() == IdentityStatus.PROVISOIRE
                || (decision.action() == TrustDecision.Action.RAPPROCHER && !decision.trustedThirdParty())) {
            return patient;
        }
        String from = evaluation.received().channel() + " " + evaluation.received().sender();
        if (decision.trustedThirdParty() && patient.identityEvidence() == null) {
            IdentityEvidence evidence = evaluation.received().evidence() != null ? evaluation.received().evidence()
                    : IdentityEvidence.TIERS_DE_CONFIANCE;
            patient = statuses.recordIdentityCheck(ctx, patientId, evidence,
                    "Identité reçue de " + from + " sous contrat de confiance", actor);
        }
        if (evaluation.insiAnswer() == InsiAnswer.UNE_IDENTITE) {
            InsiIdentity identity = evaluation.insi().identity();
            IdentityTraits t = identity.traits();
            patient = statuses.recordInsRetrieval(ctx, patientId, identity.activeIns(),
                    new IdentityTraits(t.birthName(), t.birthFirstNames(), null, t.birthDate(), t.sex(), t.birthplaceCode()),
                    InsSource.INSI_TRAITS, "INS récupérée par INSi avec les traits reçus de " + from, actor);
        }
        return patient;
    }
}
