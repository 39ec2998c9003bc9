package fr.opaline.core.order;

import fr.opaline.core.patient.Patient;

/** A scheduled procedure step with the order it belongs to and its patient. */
public record StepEntry(ScheduledProcedureStep step, ImagingOrder order, Patient patient) {
}
