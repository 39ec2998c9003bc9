package fr.opaline.ui;

/**
 * Which of the patient record's services beyond core the practice server offers, so the record
 * shows only what works: INSi récupération (the server's client may itself be unconfigured: it then
 * says so), DICA and consent, DMP consultation (only with the server's {@code dmp.url}). The
 * services themselves are reached through the API ({@code IdentityApi}, {@code DmpApi}).
 */
public record RecordFeatures(boolean insi, boolean dica, boolean dmpConsultation) {

    public static final RecordFeatures NONE = new RecordFeatures(false, false, false);
}
