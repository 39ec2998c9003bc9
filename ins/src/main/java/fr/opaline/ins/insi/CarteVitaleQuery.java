package fr.opaline.ins.insi;

/**
 * A récupération with the data read from the carte Vitale (RECVITALE): NIR of the ouvrant
 * droit (13 characters), NIR of the beneficiary when the card carries it, birth name, birth date
 * as on the card (may be "lunar", e.g. 1980-00-00) and the rank of birth (twins).
 */
public record CarteVitaleQuery(String nirIndividu, String nirOuvrantDroit, String birthName, String birthDate,
                               String rangNaissance) {
}
