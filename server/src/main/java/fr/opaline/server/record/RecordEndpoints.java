package fr.opaline.server.record;

import fr.opaline.api.DmpApi;
import fr.opaline.api.DocumentApi;
import fr.opaline.api.IdentityApi;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.dmp.feeding.DmpFeedingService;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.server.PracticeApi;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The identity, DMP, document and print areas of the patient record, as {@link PracticeApi.Endpoints}. */
public final class RecordEndpoints {

    private RecordEndpoints() {
    }

    /**
     * @param statuses     null: the identity area answers 503
     * @param insi         null: its INSi operations answer 503
     * @param consent      null (with {@code dica}): the DMP area answers 503
     * @param consultation null: the DMP consultation answers 503, DICA and consent still work
     */
    public static PracticeApi.Endpoints of(Database database, AuditTrail audit, Clock clock, PatientService patients,
                                           IdentityStatusService statuses, InsiLookupService insi,
                                           DmpConsentService consent, DicaService dica,
                                           DmpConsultationService consultation, boolean demo) {
        return of(database, audit, clock, patients, statuses, insi, consent, dica, consultation, null, demo);
    }

    /** As above, with the DMP feeding controls (hold, historical feed, DMP-only delete, visibility); null: 503. */
    public static PracticeApi.Endpoints of(Database database, AuditTrail audit, Clock clock, PatientService patients,
                                           IdentityStatusService statuses, InsiLookupService insi,
                                           DmpConsentService consent, DicaService dica,
                                           DmpConsultationService consultation, DmpFeedingService feeding,
                                           boolean demo) {
        return events -> {
            Map<Class<?>, Object> areas = new HashMap<>();
            areas.put(DocumentApi.class, new DocumentEndpoint(database, audit, clock));
            areas.put(fr.opaline.api.PrintApi.class, new fr.opaline.server.print.PrintEndpoint(database, audit, clock));
            if (statuses != null) {
                areas.put(IdentityApi.class, new IdentityEndpoint(insi, statuses, patients, events, clock));
            }
            if (consent != null && dica != null) {
                areas.put(DmpApi.class, new DmpEndpoint(consent, dica, consultation, feeding, database, demo));
            }
            return areas;
        };
    }
}
