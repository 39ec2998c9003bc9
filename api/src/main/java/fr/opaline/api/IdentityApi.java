package fr.opaline.api;

import fr.opaline.api.identity.InsiAnswer;
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
}
