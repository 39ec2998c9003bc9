package fr.opaline.api;

import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.PatientFile;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import java.util.List;
import java.util.UUID;

/** Patients: search, creation of a provisional identity, the record's reads. Every read is audited. */
@Area("patient")
public interface PatientApi {

    /** Audited search (PATIENT_SEARCH). */
    @Access(purpose = "rechercher un patient")
    List<Patient> search(PatientQuery query);

    /** A new identity, always provisoire. */
    @Access(purpose = "créer un patient")
    Patient create(NewPatient request);

    /** The record (audited as a read) with its appointments, orders and documents. */
    @Access(purpose = "consulter le dossier patient")
    PatientFile open(UUID patientId);
}
