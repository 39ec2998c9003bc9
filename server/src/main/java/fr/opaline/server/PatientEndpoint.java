package fr.opaline.server;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.PatientApi;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientFile;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Patient search, creation and the record's reads, audited by core's patient service. */
final class PatientEndpoint implements PatientApi {

    private final Database database;
    private final PatientService patients;
    private final EventHub events;
    private final Clock clock;

    PatientEndpoint(Database database, PatientService patients, EventHub events, Clock clock) {
        this.database = database;
        this.patients = patients;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Patient> search(PatientQuery query) {
        if (query == null) {
            throw HttpError.badRequest("Recherche : critères attendus.");
        }
        return patients.search(query, Call.signedIn().actor());
    }

    @Override
    public Patient create(NewPatient request) {
        if (request == null || request.traits() == null) {
            throw HttpError.badRequest("Nouveau patient : traits d'identité attendus.");
        }
        Patient created = patients.create(request, Call.signedIn().actor());
        events.publish(new ApiEvent("patient.created", created.id(), null, clock.instant()));
        return created;
    }

    @Override
    public PatientFile open(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        return PatientFile.read(database, patients.open(patientId, Call.signedIn().actor()));
    }
}
