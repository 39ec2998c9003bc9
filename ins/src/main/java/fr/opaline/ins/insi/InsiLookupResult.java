package fr.opaline.ins.insi;

import fr.opaline.core.patient.Patient;
import java.util.List;

/**
 * What an INS récupération gave, ready for the screen: the outcome, the identity INSi returned
 * (for 00), each trait compared with the local identity, the calls made, and a message and an
 * advice for the user in French. {@code patient} is the updated record when the récupération was
 * applied automatically.
 */
public record InsiLookupResult(Outcome outcome, InsiIdentity identity, List<TraitComparison> comparisons,
                               List<Attempt> attempts, String message, String advice, boolean birthplaceKnown,
                               Patient patient) {

    public enum Outcome {
        /** 00 and every compared trait concords: the INS was taken (status récupérée or qualifiée). */
        RECUPEREE_AUTOMATIQUEMENT,
        /** 00 with differences: the user compares and validates in one click. */
        A_VALIDER,
        /** 01. */
        AUCUNE_IDENTITE,
        /** 02, even after the relaunch with the birthplace. */
        PLUSIEURS_IDENTITES,
        /** The local traits cannot be sent (missing or malformed). */
        TRAITS_INVALIDES,
        /** Time-out, SOAP fault, unreadable answer: nothing changed. */
        ERREUR_TECHNIQUE,
        /** No INSi endpoint configured. */
        INSI_NON_CONFIGURE
    }

    /** One call to the téléservice and its compte rendu. */
    public record Attempt(String operation, boolean withBirthplace, String code, String label) {
    }

    public InsiLookupResult {
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    public InsiLookupResult withPatient(Patient updated) {
        return new InsiLookupResult(outcome, identity, comparisons, attempts, message, advice, birthplaceKnown, updated);
    }
}
