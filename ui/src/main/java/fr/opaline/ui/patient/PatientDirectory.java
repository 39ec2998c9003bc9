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
 * server's API (the server names the signed-in user in the audit trail); INSi, DMP and documents
 * still on the services. Without an API (unit tests of the screens) on core's services directly.
 * Blocking: call off the FX thread.
 */
public final class PatientDirectory {

    private final DesktopServices services;

    public PatientDirectory(DesktopServices services) {
        this.services = services;
    }

    /** The INS récupération, or null when the desktop runs without the INS services. */
    public fr.opaline.ins.insi.InsiLookupService insi() {
        return services.record().insi();
    }

    /** INSi and DMP services of the record. */
    public fr.opaline.ui.RecordServices record() {
        return services.record();
    }

    /** The stored documents, for the viewer. */
    public fr.opaline.ui.document.DocumentLibrary documents() {
        return new fr.opaline.ui.document.DocumentLibrary(services.database());
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
