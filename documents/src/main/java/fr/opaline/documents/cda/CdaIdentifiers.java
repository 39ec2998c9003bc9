package fr.opaline.documents.cda;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.user.UserAccount;

/**
 * National identifiers as the CI-SIS writes them: professionals by their IDNPS (8 + RPPS) under
 * 1.2.250.1.71.4.2.1, structures by their IDNST (1 + FINESS, 3 + SIRET or 4 + RPPS-rang) under
 * 1.2.250.1.71.4.2.2. Order and accession numbers are issued by the RIS under the practice root.
 */
public final class CdaIdentifiers {

    public static final String PS_ROOT = "1.2.250.1.71.4.2.1";
    public static final String STRUCTURE_ROOT = "1.2.250.1.71.4.2.2";
    /** Arc under the practice UID root naming the RIS order placer numbers. */
    public static final int ARC_PLACER_ORDER = 5;
    /** Arc under the practice UID root naming the RIS accession numbers. */
    public static final int ARC_ACCESSION = 6;

    private CdaIdentifiers() {
    }

    public static String idnps(UserAccount professional) {
        if (professional.rpps() == null || !professional.rpps().matches("\\d{11}")) {
            throw new BusinessRuleException("Le RPPS de " + professional.displayName() + " est absent ou invalide (11 chiffres).");
        }
        return "8" + professional.rpps();
    }

    public static String idnst(PracticeProfile practice) {
        if (practice.finess() != null && !practice.finess().isBlank()) {
            return "1" + practice.finess().strip();
        }
        if (practice.siret() != null && !practice.siret().isBlank()) {
            return "3" + practice.siret().strip();
        }
        if (practice.rppsRang() != null && !practice.rppsRang().isBlank()) {
            return "4" + practice.rppsRang().strip();
        }
        throw new BusinessRuleException("Identifiant national de la structure manquant : renseignez le FINESS, le SIRET "
                + "ou le RPPS-rang du cabinet dans les paramètres.");
    }

    public static String placerOrderRoot(PracticeProfile practice) {
        return practice.uidRoot().value() + "." + ARC_PLACER_ORDER;
    }

    public static String accessionRoot(PracticeProfile practice) {
        return practice.uidRoot().value() + "." + ARC_ACCESSION;
    }

    /** CDA id of the N1 variant of a version whose N3 carries {@code documentUid}. */
    public static String n1Uid(String uid) {
        return uid + ".1";
    }

    /** Identifier of the stored PDF of a version whose N3 carries {@code documentUid}. */
    public static String pdfUid(String uid) {
        return uid + ".2";
    }
}
