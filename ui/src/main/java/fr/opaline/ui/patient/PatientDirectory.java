package fr.opaline.ui.patient;

import fr.opaline.api.PatientApi;
import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientFile;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.ui.DesktopServices;
import java.util.List;
import java.util.UUID;

/**
 * The patient operations of the desktop: search, creation and the record through the practice
 * server's API (the server names the signed-in user in the audit trail), and so are INSi, the DMP
 * and the documents. Without an API (unit tests of the screens) search and record on core's services.
 * Blocking: call off the FX thread.
 */
public final class PatientDirectory {

    private final DesktopServices services;

    public PatientDirectory(DesktopServices services) {
        this.services = services;
    }

    /** The INS récupération through the server, or null when it offers none (or without an API). */
    public fr.opaline.api.IdentityApi identity() {
        return services.api() == null || !services.record().insi() ? null
                : services.api().api(fr.opaline.api.IdentityApi.class);
    }

    /** The identity actions at the desk (check, attributes, traits, contact) through the server, or null without an API. */
    public fr.opaline.api.IdentityApi identityDesk() {
        return services.api() == null ? null : services.api().api(fr.opaline.api.IdentityApi.class);
    }

    /** DICA, consent and the DMP through the server, or null when it offers none (or without an API). */
    public fr.opaline.api.DmpApi dmp() {
        return services.api() == null || !services.record().dica() ? null
                : services.api().api(fr.opaline.api.DmpApi.class);
    }

    /** Which of the record's services the server offers. */
    public fr.opaline.ui.RecordFeatures features() {
        return services.record();
    }

    /** The stored documents through the server, for the viewer. */
    public fr.opaline.ui.document.DocumentLibrary documents() {
        return new fr.opaline.ui.document.DocumentLibrary(services.api() == null ? null
                : services.api().api(fr.opaline.api.DocumentApi.class));
    }

    private PatientApi api() {
        return services.api() == null ? null : services.api().api(PatientApi.class);
    }

    /** Audited search (PATIENT_SEARCH). */
    public List<Patient> search(PatientQuery query, Actor actor) {
        PatientApi api = api();
        if (api != null) {
            return api.search(query);
        }
        return services.patients().search(query, actor);
    }

    /** A new identity, always provisoire. */
    public Patient create(NewPatient request, Actor actor) {
        PatientApi api = api();
        if (api != null) {
            return api.create(request);
        }
        return services.patients().create(request, actor);
    }

    /** Opens the record (audited as a read) with its appointments, orders and documents. */
    public PatientFile open(UUID patientId, Actor actor) {
        PatientApi api = api();
        if (api != null) {
            return api.open(patientId);
        }
        return PatientFile.read(services.database(), services.patients().open(patientId, actor));
    }

    /** The DRIMbox conso's address for the exam's images, through the server (consent checked, audited). */
    public String drimboxUrl(UUID orderId) {
        if (services.api() == null) {
            throw new fr.opaline.core.common.BusinessRuleException(
                    "La DRIMbox de consultation s'ouvre par le serveur du cabinet.");
        }
        return services.api().api(fr.opaline.api.DrimboxApi.class).consultationUrl(orderId);
    }
}
