package fr.opaline.documents.pdf;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a convocation letter says: the practice's header (from its settings), the patient, the
 * appointment's date, time and room, the exam, and the preparation the practice wrote for that
 * exam type (empty: none printed).
 */
public record Convocation(String practiceName, String practiceAddress, String practicePhone, String patientName,
                          ZonedDateTime startsAt, String room, String exam, String preparation) {

    public Convocation {
        Objects.requireNonNull(patientName, "patientName");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(exam, "exam");
    }
}
