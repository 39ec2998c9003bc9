package fr.opaline.server;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.PatientApi;
import fr.opaline.api.PatientFile;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.scheduling.AppointmentRepository;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        Patient patient = patients.open(patientId, Call.signedIn().actor());
        return database.inSnapshot(ctx -> {
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            Map<UUID, Room> rooms = catalogue.rooms().stream().collect(Collectors.toMap(Room::id, Function.identity()));
            Map<UUID, ExamType> exams = catalogue.examTypes().stream()
                    .collect(Collectors.toMap(ExamType::id, Function.identity()));
            List<PatientFile.AppointmentLine> appointments = new AppointmentRepository(ctx).ofPatient(patientId).stream()
                    .map(a -> new PatientFile.AppointmentLine(a, rooms.get(a.roomId()), exams.get(a.examTypeId())))
                    .toList();
            OrderRepository orders = new OrderRepository(ctx);
            List<PatientFile.OrderLine> orderLines = orders.findByPatient(patientId).stream()
                    .map(o -> new PatientFile.OrderLine(o, orders.proceduresOf(o.id()).stream()
                            .map(RequestedProcedure::description).collect(Collectors.joining(", ")),
                            orders.stepsOfOrder(o.id())))
                    .toList();
            return new PatientFile(patient, appointments, orderLines,
                    new DocumentRepository(ctx).listForPatient(patientId));
        });
    }
}
