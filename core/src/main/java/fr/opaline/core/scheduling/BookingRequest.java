package fr.opaline.core.scheduling;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A booking made at the front desk or by an import. */
public record BookingRequest(UUID patientId, UUID roomId, UUID examTypeId, Instant start, String referringPhysicianName,
                             String referringPhysicianRpps, String clinicalIndication, String note) {

    public BookingRequest {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(examTypeId, "examTypeId");
        Objects.requireNonNull(start, "start");
    }
}
