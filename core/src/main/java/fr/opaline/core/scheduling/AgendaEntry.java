package fr.opaline.core.scheduling;

import fr.opaline.core.patient.Patient;

/** One appointment as the agenda shows it: with its patient and the accession number of its order. */
public record AgendaEntry(Appointment appointment, Patient patient, String accessionNumber) {
}
