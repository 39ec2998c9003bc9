package fr.opaline.core.patient;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.scheduling.Appointment;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.scheduling.AppointmentRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything the patient record shows, read in one snapshot. */
public record PatientFile(Patient patient, List<AppointmentLine> appointments, List<OrderLine> orders,
                          List<ClinicalDocument> documents) {

    /**
     * The record of a patient already opened (and audited) by {@link PatientService#open}: its
     * appointments with their rooms and exams, its orders with their steps, its documents.
     */
    public static PatientFile read(Database database, Patient patient) {
        UUID patientId = patient.id();
        return database.inSnapshot(ctx -> {
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            Map<UUID, Room> rooms = catalogue.rooms().stream().collect(Collectors.toMap(Room::id, Function.identity()));
            Map<UUID, ExamType> exams = catalogue.examTypes().stream()
                    .collect(Collectors.toMap(ExamType::id, Function.identity()));
            List<AppointmentLine> appointments = new AppointmentRepository(ctx).ofPatient(patientId).stream()
                    .map(a -> new AppointmentLine(a, rooms.get(a.roomId()), exams.get(a.examTypeId())))
                    .toList();
            OrderRepository orders = new OrderRepository(ctx);
            List<OrderLine> orderLines = orders.findByPatient(patientId).stream()
                    .map(o -> new OrderLine(o, orders.proceduresOf(o.id()).stream()
                            .map(RequestedProcedure::description).collect(Collectors.joining(", ")),
                            orders.stepsOfOrder(o.id())))
                    .toList();
            return new PatientFile(patient, appointments, orderLines,
                    new DocumentRepository(ctx).listForPatient(patientId));
        });
    }

    /** An appointment with the names of its room and exam. */
    public record AppointmentLine(Appointment appointment, Room room, ExamType exam) {
    }

    /** An order ("demande RIS") with its worklist steps. */
    public record OrderLine(ImagingOrder order, String description, List<ScheduledProcedureStep> steps) {
    }
}
