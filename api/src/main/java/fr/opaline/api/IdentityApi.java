package fr.opaline.api;

import fr.opaline.api.identity.IdentityCheck;
import fr.opaline.api.identity.InsiAnswer;
import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import java.util.UUID;

/**
 * The patient's identity at the desk (DSR 3.2.8, SC.INS.13–15): the INS récupération by INSi, its
 * answer compared trait by trait, and the acceptance of the identity INSi returned. An answer is
 * kept by the server for the session that asked: what is accepted is what INSi said, never an
 * identity the workstation sends. Every call to INSi and every change is audited by the ins module.
 */
@Area("identity")
public interface IdentityApi {

    /** Asks INSi for a record; an answer whose traits all concord is applied at once (récupérée). */
    @Access(purpose = "récupérer l'INS du patient (téléservice INSi)")
    InsiAnswer lookup(UUID patientId);

    /** Asks INSi with traits typed for a patient not yet created: nothing is written. */
    @Access(purpose = "récupérer l'INS d'un nouveau patient (téléservice INSi)")
    InsiAnswer lookupTraits(IdentityTraits traits);

    /** "Validation en un clic" of the identity of an earlier answer about a record. */
    @Access(purpose = "valider l'identité renvoyée par INSi")
    Patient accept(UUID answerId);

    /** A new patient made from the identity of an earlier answer, with the used names typed at the desk. */
    @Access(purpose = "créer un patient avec l'identité renvoyée par INSi")
    Patient createFromInsi(UUID answerId, String usedName, String usedFirstName);

    /**
     * Records the identity-document check (RNIV): provisoire → validée, récupérée → qualifiée; the
     * reason (device, date, who checked) is kept in the identity history and the audit trail.
     */
    @Access(purpose = "enregistrer le contrôle de la pièce d'identité")
    Patient recordIdentityCheck(UUID patientId, IdentityCheck check);

    /** The check was entered by mistake: withdrawn, with its reason (the status falls back). */
    @Access(purpose = "retirer le contrôle de la pièce d'identité")
    Patient clearIdentityCheck(UUID patientId, String reason);

    /**
     * Corrects strict traits, an explicit act with its reason: an INS returned for the former traits
     * is withdrawn, so qualifiée becomes validée and récupérée provisoire (RNIV); audited.
     */
    @Access(purpose = "corriger un trait d'identité")
    Patient correctTraits(UUID patientId, IdentityTraits traits, String reason);

    /** Sets or clears douteuse / fictive / homonyme, with the reason (douteuse or fictive: provisoire). */
    @Access(purpose = "modifier les attributs de l'identité")
    Patient setAttributes(UUID patientId, IdentityAttributes attributes, String reason);

    /** Telephone, e-mail, address: changed freely, audited as a patient update. */
    @Access(purpose = "modifier les coordonnées du patient")
    Patient updateContact(UUID patientId, ContactDetails contact);

    /** The identity's status history (RNIV): from, to, why, who, when; oldest first. */
    @Access(purpose = "consulter l'historique du statut de l'identité")
    java.util.List<fr.opaline.api.identity.StatusHistoryLine> statusHistory(UUID patientId);
}
