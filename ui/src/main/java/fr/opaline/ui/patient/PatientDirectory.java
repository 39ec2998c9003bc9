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
 * and the documents. Blocking: call off the FX thread.
 */
public final class PatientDirectory {

    private final DesktopServices services;

    public PatientDirectory(DesktopServices services) {
        this.services = services;
    }

    /** The INS récupération through the server, or null when it offers none. */
    public fr.opaline.api.IdentityApi identity() {
        return !services.record().insi() ? null
                : services.api().api(fr.opaline.api.IdentityApi.class);
    }

    /** The identity actions at the desk (check, attributes, traits, contact) through the server. */
    public fr.opaline.api.IdentityApi identityDesk() {
        return services.api().api(fr.opaline.api.IdentityApi.class);
    }

    /** DICA, consent and the DMP through the server, or null when it offers none. */
    public fr.opaline.api.DmpApi dmp() {
        return !services.record().dica() ? null
                : services.api().api(fr.opaline.api.DmpApi.class);
    }

    /** Which of the record's services the server offers. */
    public fr.opaline.ui.RecordFeatures features() {
        return services.record();
    }

    /** The stored documents through the server, for the viewer. */
    public fr.opaline.ui.document.DocumentLibrary documents() {
        return new fr.opaline.ui.document.DocumentLibrary(services.api().api(fr.opaline.api.DocumentApi.class));
    }

    private PatientApi api() {
        return services.api().api(PatientApi.class);
    }

    /** Audited search (PATIENT_SEARCH). */
    public List<Patient> search(PatientQuery query, Actor actor) {
        return api().search(query);
    }

    /** A new identity, always provisoire. */
    public Patient create(NewPatient request, Actor actor) {
        return api().create(request);
    }

    /** Opens the record (audited as a read) with its appointments, orders and documents. */
    public PatientFile open(UUID patientId, Actor actor) {
        return api().open(patientId);
    }

    /**
     * The birthplace as the desk shows it (commune and département, or the country), named at the
     * birth date by the server's commune referential; null when there is none, the code is unknown
     * there, or the server offers no referential.
     */
    public fr.opaline.api.Birthplace birthplace(Patient patient) {
        return birthplace(patient.traits().birthplaceCode(), patient.traits().birthDate());
    }

    /** A birthplace code named at a birth date (null when unknown, absent or the referential is unavailable). */
    public fr.opaline.api.Birthplace birthplace(String code, java.time.LocalDate birthDate) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return services.api().api(fr.opaline.api.CommuneApi.class).describe(code, birthDate);
        } catch (RuntimeException unavailable) {
            return null; // the record still opens; the view says the code is not in the referential
        }
    }

    /** The DRIMbox conso's address for the exam's images, through the server (consent checked, audited). */
    public String drimboxUrl(UUID orderId) {
        return services.api().api(fr.opaline.api.DrimboxApi.class).consultationUrl(orderId);
    }
}
