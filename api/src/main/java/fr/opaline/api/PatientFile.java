package fr.opaline.api;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.scheduling.Appointment;
import java.util.List;

/** Everything the patient record shows, read in one go off the FX thread. */
public record PatientFile(Patient patient, List<AppointmentLine> appointments, List<OrderLine> orders,
                          List<ClinicalDocument> documents) {

    /** An appointment with the names of its room and exam. */
    public record AppointmentLine(Appointment appointment, Room room, ExamType exam) {
    }

    /** An order ("demande RIS") with its worklist steps. */
    public record OrderLine(ImagingOrder order, String description, List<ScheduledProcedureStep> steps) {
    }
}
