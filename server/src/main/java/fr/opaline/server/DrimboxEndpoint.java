package fr.opaline.server;

import fr.opaline.api.DrimboxApi;
import fr.opaline.drimboxbridge.conso.DrimboxConsultation;
import fr.opaline.platform.http.HttpError;
import java.util.UUID;

/** The DRIMbox conso's contextual address through drimbox-bridge's {@link DrimboxConsultation} (consent, audit). */
public final class DrimboxEndpoint implements DrimboxApi {

    private final DrimboxConsultation consultation;

    public DrimboxEndpoint(DrimboxConsultation consultation) {
        this.consultation = consultation;
    }

    @Override
    public String consultationUrl(UUID orderId) {
        if (orderId == null) {
            throw HttpError.badRequest("Examen non précisé.");
        }
        return consultation.contextualUrl(orderId, Call.signedIn().actor()).toString();
    }
}
