package fr.opaline.api;

import fr.opaline.core.user.Role;
import java.util.UUID;

/**
 * The printables rendered by the server as PDF (convocation letter, patient labels), each print
 * audited as a read of the patient's data; and the preparation instructions per exam type that the
 * convocation carries, typed by the administrator. The CR prints from its PDF/A ({@link DocumentApi#content}).
 */
@Area("print")
public interface PrintApi {

    /** The convocation letter of an appointment: practice header, patient, date and time, room, exam, preparation. */
    @Access(roles = {Role.SECRETAIRE, Role.MANIPULATEUR, Role.RADIOLOGUE},
            purpose = "imprimer la convocation d'un rendez-vous")
    PrintedDocument convocation(UUID appointmentId);

    /** A sheet of patient labels: name, birth name, birth date, IPP; INS and Datamatrix INS when qualified. */
    @Access(roles = {Role.SECRETAIRE, Role.MANIPULATEUR, Role.RADIOLOGUE},
            purpose = "imprimer les étiquettes d'un patient")
    PrintedDocument labels(UUID patientId);

    /** The preparation instructions of an exam type; empty when the practice wrote none. */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "consulter la préparation d'un type d'examen")
    String preparation(UUID examTypeId);

    /** Replaces the preparation instructions of an exam type (blank: none printed). */
    @Access(roles = Role.ADMINISTRATEUR, purpose = "modifier la préparation d'un type d'examen")
    void setPreparation(UUID examTypeId, String instructions);
}
