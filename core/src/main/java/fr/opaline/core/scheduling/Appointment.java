package fr.opaline.core.scheduling;

import java.time.Instant;
import java.util.UUID;

public record Appointment(UUID id, UUID patientId, UUID roomId, UUID examTypeId, Instant startsAt, Instant endsAt,
                          AppointmentStatus status, String note, UUID createdBy, Instant createdAt, int rowVersion) {

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && endsAt.isAfter(start);
    }
}
