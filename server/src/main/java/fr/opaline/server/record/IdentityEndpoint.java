package fr.opaline.server.record;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.IdentityApi;
import fr.opaline.api.identity.IdentityCheck;
import fr.opaline.api.identity.InsiAnswer;
import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientService;
import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.InsSource;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import fr.opaline.platform.http.HttpError;
import fr.opaline.server.Call;
import fr.opaline.server.EventHub;
import fr.opaline.server.ServerSession;
import java.time.Clock;
import java.util.UUID;

/**
 * The identity at the desk over the ins module: INSi récupération (answers held for the session
 * that asked), the identity-document check, trait corrections, attributes and contact details;
 * every status change goes through {@link IdentityStatusService} (RNIV table, history, audit).
 */
public final class IdentityEndpoint implements IdentityApi {

    static final int MAX_TEXT = 200;

    private final InsiLookupService insi;
    private final IdentityStatusService statuses;
    private final PatientService patients;
    private final EventHub events;
    private final Clock clock;
    private final InsiAnswers answers;

    /** @param insi null when the server has no INS services: the INSi operations answer 503 */
    public IdentityEndpoint(InsiLookupService insi, IdentityStatusService statuses, PatientService patients,
                            EventHub events, Clock clock) {
        this.insi = insi;
        this.statuses = statuses;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
        this.answers = new InsiAnswers(clock);
    }

    private InsiLookupService insi() {
        if (insi == null) {
            throw new HttpError(503, "unavailable", "Le téléservice INSi n'est pas disponible sur ce serveur du cabinet.");
        }
        return insi;
    }

    @Override
    public InsiAnswer lookup(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        ServerSession session = Call.signedIn();
        InsiLookupResult result = insi().lookupForPatient(patientId, session.actor());
        if (result.patient() != null) {
            updated(result.patient());
        }
        return answer(session, patientId, result);
    }

    @Override
    public InsiAnswer lookupTraits(IdentityTraits traits) {
        if (traits == null) {
            throw HttpError.badRequest("Recherche INSi : traits d'identité attendus.");
        }
        return answer(Call.signedIn(), null, insi().lookup(traits, null));
    }

    @Override
    public Patient accept(UUID answerId) {
        ServerSession session = Call.signedIn();
        InsiAnswers.Held held = answers.take(answerId, session.id());
        if (held.patientId() == null) {
            throw HttpError.badRequest("Cette réponse INSi ne concerne pas un dossier : créez le patient.");
        }
        Patient updated = insi().confirm(held.patientId(), held.result(), InsSource.INSI_TRAITS, session.actor());
        updated(updated);
        return updated;
    }

    @Override
    public Patient createFromInsi(UUID answerId, String usedName, String usedFirstName) {
        ServerSession session = Call.signedIn();
        InsiAnswers.Held held = answers.take(answerId, session.id());
        if (held.result().identity() == null) {
            throw HttpError.badRequest("INSi n'a renvoyé aucune identité : relancez la recherche.");
        }
        Patient created = insi().createFromInsi(held.result().identity(), InsSource.INSI_TRAITS, usedName, usedFirstName,
                session.actor());
        events.publish(new ApiEvent("patient.created", created.id(), null, clock.instant()));
        return created;
    }

    @Override
    public Patient recordIdentityCheck(UUID patientId, IdentityCheck check) {
        UUID patient = patient(patientId);
        if (check == null) {
            throw HttpError.badRequest("Contrôle d'identité : pièce, date et auteur attendus.");
        }
        IdentityEvidence evidence = evidence(check.document());
        LocalDate today = LocalDate.now(clock);
        if (check.checkedOn() == null || check.checkedOn().isAfter(today)
                || check.checkedOn().isBefore(today.minusYears(1))) {
            throw HttpError.badRequest("Date du contrôle : aujourd'hui ou une date passée de moins d'un an.");
        }
        String who = text(check.checkedBy(), "Indiquez qui a contrôlé la pièce d'identité.");
        String date = check.checkedOn().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String reason = evidence == IdentityEvidence.TIERS_DE_CONFIANCE
                ? "Identité contrôlée par un tiers de confiance (" + who + ") le " + date
                : "Contrôle de la pièce d'identité : " + evidence.label() + " vue le " + date + " par " + who;
        String comment = check.comment() == null ? "" : check.comment().strip();
        if (comment.length() > MAX_TEXT) {
            throw HttpError.badRequest("Commentaire : " + MAX_TEXT + " caractères au plus.");
        }
        Patient updated = statuses.recordIdentityCheck(patient, evidence,
                comment.isEmpty() ? reason : reason + " — " + comment, Call.signedIn().actor());
        updated(updated);
        return updated;
    }

    @Override
    public Patient clearIdentityCheck(UUID patientId, String reason) {
        UUID patient = patient(patientId);
        Patient updated = statuses.clearIdentityCheck(patient, "Contrôle d'identité retiré : "
                + text(reason, "Le motif est obligatoire."), Call.signedIn().actor());
        updated(updated);
        return updated;
    }

    @Override
    public Patient correctTraits(UUID patientId, IdentityTraits traits, String reason) {
        UUID patient = patient(patientId);
        if (traits == null) {
            throw HttpError.badRequest("Traits d'identité attendus.");
        }
        Patient updated = statuses.correctTraits(patient, traits, text(reason,
                "Le motif de la correction est obligatoire."), Call.signedIn().actor());
        updated(updated);
        return updated;
    }

    @Override
    public Patient setAttributes(UUID patientId, IdentityAttributes attributes, String reason) {
        UUID patient = patient(patientId);
        if (attributes == null) {
            throw HttpError.badRequest("Attributs attendus.");
        }
        Patient updated = statuses.setAttributes(patient, attributes, "Attributs : "
                + text(reason, "Le motif du changement d'attributs est obligatoire."), Call.signedIn().actor());
        updated(updated);
        return updated;
    }

    @Override
    public Patient updateContact(UUID patientId, ContactDetails contact) {
        UUID patient = patient(patientId);
        ContactDetails checked = ContactRules.check(contact);
        Patient updated = patients.update(patient, p -> p.withContact(checked), "Coordonnées modifiées",
                Call.signedIn().actor());
        updated(updated);
        return updated;
    }

    private static UUID patient(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        return patientId;
    }

    private static IdentityEvidence evidence(String document) {
        try {
            return IdentityEvidence.valueOf(document == null ? "" : document.strip());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("Pièce d'identité : choisissez un dispositif de la liste à haut niveau de "
                    + "confiance (passeport, carte nationale d'identité, titre de séjour, livret de famille ou "
                    + "extrait d'acte de naissance pour un mineur, tiers de confiance).");
        }
    }

    private static String text(String value, String missing) {
        if (value == null || value.isBlank()) {
            throw HttpError.badRequest(missing);
        }
        if (value.strip().length() > MAX_TEXT) {
            throw HttpError.badRequest("Texte trop long : " + MAX_TEXT + " caractères au plus.");
        }
        return value.strip();
    }

    private void updated(Patient patient) {
        events.publish(new ApiEvent("patient.updated", patient.id(), null, clock.instant()));
    }

    private InsiAnswer answer(ServerSession session, UUID patientId, InsiLookupResult result) {
        UUID id = result.identity() == null ? null : answers.keep(session.id(), patientId, result);
        var identity = result.identity();
        return new InsiAnswer(id, result.outcome().name(), identity == null ? null : identity.activeIns(),
                identity == null ? null : identity.previousIns(), identity == null ? null : identity.traits(),
                result.comparisons().stream().map(c -> new InsiAnswer.TraitLine(c.trait(), c.local(), c.insi(),
                        c.concordance().name())).toList(),
                result.message(), result.advice(), result.birthplaceKnown(), result.patient());
    }

    @Override
    public java.util.List<fr.opaline.api.identity.StatusHistoryLine> statusHistory(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        return statuses.history(patientId).stream().map(c -> new fr.opaline.api.identity.StatusHistoryLine(c.changedAt(),
                c.fromStatus() == null ? null : c.fromStatus().name(), c.toStatus().name(), c.reason(), c.actorLogin()))
                .toList();
    }
}
