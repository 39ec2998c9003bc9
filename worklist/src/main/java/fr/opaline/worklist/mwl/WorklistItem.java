package fr.opaline.worklist.mwl;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One worklist entry as read from core: a scheduled procedure step with its requested
 * procedure, order, room and patient. Only what the worklist sends is read (no contact data).
 */
public record WorklistItem(Identity patient, Request request, Step step) {

    /** The patient: local IPP, strict traits, used names, INS and its status. */
    public record Identity(UUID id, String ipp, String ippIssuer, String birthName, String firstBirthFirstName,
                           String usedName, String usedFirstName, LocalDate birthDate, Sex sex, InsNumber ins,
                           IdentityStatus status) {

        /** The INS may be sent only for a qualified identity (RNIV, RIS.INS/va2.02). */
        public boolean insQualified() {
            return status == IdentityStatus.QUALIFIEE && ins != null;
        }
    }

    /** The order and its requested procedure. */
    public record Request(String accessionNumber, String placerOrderNumber, String referringPhysicianName,
                          String clinicalIndication, String requestedProcedureId, String description, String examCode,
                          String examLabel) {
    }

    /** The scheduled procedure step and its room; {@code end} is the start plus the exam's duration. */
    public record Step(UUID id, String stepId, String studyInstanceUid, Modality modality, String stationAeTitle,
                       String stationName, String roomName, Instant start, Instant end, String performingPhysician,
                       String description, StepStatus status) {
    }
}
