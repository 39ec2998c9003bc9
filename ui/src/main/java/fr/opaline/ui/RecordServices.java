package fr.opaline.ui;

import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.ins.insi.InsiLookupService;

/**
 * The services the patient record reaches beyond core. Each may be null when the desktop runs
 * without it: INSi récupération (its own client may be unconfigured: it then says so), DMP
 * consent and DICA (always available where the dmp module is wired), DMP consultation (only
 * with {@code dmp.url}).
 */
public record RecordServices(InsiLookupService insi, DmpConsentService consent, DicaService dica,
                             DmpConsultationService consultation) {

    public static final RecordServices NONE = new RecordServices(null, null, null, null);

    public RecordServices(InsiLookupService insi) {
        this(insi, null, null, null);
    }

    public RecordServices withDmp(DmpConsentService consent, DicaService dica, DmpConsultationService consultation) {
        return new RecordServices(insi, consent, dica, consultation);
    }

    public boolean dicaAvailable() {
        return consent != null && dica != null;
    }
}
