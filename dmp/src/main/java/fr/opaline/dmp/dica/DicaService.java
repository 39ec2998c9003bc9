package fr.opaline.dmp.dica;

import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.dmp.DmpChanges;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.ConsentRequiredException;
import fr.opaline.dmp.consultation.RecordStatus;
import fr.opaline.dmp.consultation.RecordStatuses;
import fr.opaline.dmp.hl7v3.AuthorizationStatus;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.vihf.PurposeOfUse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Evaluates the DICA checklist (SC.DMP/UX.13) from what Opaline holds, without calling the DMP:
 * the DMP condition is what the DMP last answered for this user (dmp_record_status, written by
 * each opening of the record), the INS condition the patient's identity status, the consent
 * condition the traced decision of the open care episode (the same rule as {@link ConsentGuard}),
 * the authentication condition how the user logged in. {@link #watch} recomputes it whenever an
 * input changes ({@link DmpChanges}: consent, INS, record status, authorisation).
 * Consent is edited from the DICA window through {@code DmpConsentService}, which notifies.
 */
public final class DicaService {

    private final Database database;
    private final ConsentGuard guard;
    private final DmpChanges changes;
    private final Clock clock;

    public DicaService(Database database, ConsentGuard guard, DmpChanges changes, Clock clock) {
        this.database = database;
        this.guard = guard;
        this.changes = changes;
        this.clock = clock;
    }

    public DicaChecklist evaluate(UUID patientId, DmpUser user) {
        Patient patient = new PatientRepository(database.dsl()).findById(patientId)
                .orElseThrow(() -> new NotFoundException("Patient introuvable"));
        Optional<RecordStatus> status = new RecordStatuses(database.dsl()).find(patientId, user.account().id());
        DicaItem consent = consent(patient, user);
        return new DicaChecklist(patientId, user.account().id(),
                List.of(dmp(status, consent.met()), ins(patient), consent, authentication(user)), clock.instant());
    }

    /**
     * Calls {@code listener} with the checklist now and after every change of its inputs for this
     * patient (on the thread that reported the change). Returns what stops the watching.
     */
    public Runnable watch(UUID patientId, DmpUser user, Consumer<DicaChecklist> listener) {
        listener.accept(evaluate(patientId, user));
        return changes.subscribe(changed -> {
            if (changed.equals(patientId)) {
                listener.accept(evaluate(patientId, user));
            }
        });
    }

    static DicaItem dmp(Optional<RecordStatus> known, boolean consentMet) {
        if (known.isEmpty()) {
            return new DicaItem(DicaCondition.DMP, DicaState.UNKNOWN, consentMet
                    ? "Le DMP du patient n'a pas encore été interrogé."
                    : "Le DMP n'est interrogé qu'une fois le consentement du patient enregistré.",
                    consentMet ? DicaRemedy.CHECK_AGAIN : DicaRemedy.RECORD_CONSENT);
        }
        RecordStatus s = known.get();
        return switch (s.state()) {
            case OPEN -> s.authorization() == AuthorizationStatus.INTERDITE
                    ? new DicaItem(DicaCondition.DMP, DicaState.UNMET, "Accès bloqué par le patient.", DicaRemedy.NONE)
                    : DicaItem.met(DicaCondition.DMP, "Le DMP existe, il est ouvert et accessible.");
            case ABSENT -> new DicaItem(DicaCondition.DMP, DicaState.UNMET, "Le DMP du patient n'existe pas.",
                    DicaRemedy.NONE);
            case CLOSED -> new DicaItem(DicaCondition.DMP, DicaState.UNMET, "Le DMP du patient est fermé.",
                    DicaRemedy.NONE);
            case REFUSED -> new DicaItem(DicaCondition.DMP, DicaState.UNMET, s.detail() == null
                    ? "Accès bloqué par le patient." : s.detail(), DicaRemedy.NONE);
            case UNAVAILABLE -> new DicaItem(DicaCondition.DMP, DicaState.UNMET, "Indisponibilité technique du DMP"
                    + (s.detail() == null ? "." : " : " + s.detail()), DicaRemedy.SERVICE_STATUS);
        };
    }

    static DicaItem ins(Patient patient) {
        if (patient.insQualified()) {
            return DicaItem.met(DicaCondition.INS, "L'INS du patient est qualifiée.");
        }
        return new DicaItem(DicaCondition.INS, DicaState.UNMET, "INS du patient non qualifiée (statut : "
                + patient.status().name().toLowerCase() + ").", DicaRemedy.QUALIFY_INS);
    }

    private DicaItem consent(Patient patient, DmpUser user) {
        try {
            return DicaItem.met(DicaCondition.CONSENT, guard.allowedPurpose(patient.id()) == PurposeOfUse.BRIS_DE_GLACE
                    ? "Accès en mode bris de glace tracé pour cette prise en charge."
                    : "Le patient a consenti à la consultation de son DMP.");
        } catch (ConsentRequiredException e) {
            return new DicaItem(DicaCondition.CONSENT, DicaState.UNMET, e.getMessage(), DicaRemedy.RECORD_CONSENT);
        }
    }

    static DicaItem authentication(DmpUser user) {
        if (!user.professional()) {
            return new DicaItem(DicaCondition.AUTHENTICATION, DicaState.UNMET, "Seul un professionnel de santé "
                    + "identifié par son RPPS (radiologue, manipulateur) accède au DMP.", DicaRemedy.NONE);
        }
        if (!user.stronglyAuthenticated()) {
            return new DicaItem(DicaCondition.AUTHENTICATION, DicaState.UNMET, "Je ne suis pas authentifié avec un "
                    + "moyen d'identification sécurisé (Pro Santé Connect ou AIR simplifié à deux facteurs).",
                    DicaRemedy.LOGIN_PSC);
        }
        return DicaItem.met(DicaCondition.AUTHENTICATION, user.authentication() == AccessAuthentication.PRO_SANTE_CONNECT
                ? "Authentifié par Pro Santé Connect." : "Authentifié en AIR simplifié à deux facteurs.");
    }
}
