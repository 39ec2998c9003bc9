package fr.opaline.hl7.pam;

import static fr.opaline.core.persistence.generated.Tables.HL7_PATIENT_IDENTIFIER;

import fr.opaline.hl7.message.ReceivedPid;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The identifiers a sender gives our patients (its IPP…), to find them again on later messages. */
public final class SenderIdentifiers {

    private SenderIdentifiers() {
    }

    /**
     * The identifiers as the sender means them: one without an assigning authority (PID-3.4) is the
     * sender's own (its IPP), so it is qualified by the sender (MSH-3^MSH-4) — an update (A08, A31)
     * then finds the patient it created instead of creating another.
     */
    public static ReceivedPid qualified(ReceivedPid pid, String sender) {
        if (pid.identifiers().stream().allMatch(id -> id.authority() != null)) {
            return pid;
        }
        List<ReceivedPid.Identifier> ids = pid.identifiers().stream()
                .map(id -> id.authority() != null ? id : new ReceivedPid.Identifier(id.value(), sender, id.type()))
                .toList();
        return new ReceivedPid(pid.ins(), ids, pid.birthName(), pid.birthFirstNames(), pid.firstBirthFirstName(),
                pid.birthDate(), pid.sex(), pid.birthplaceCode(), pid.usedName(), pid.usedFirstName(), pid.status());
    }

    public static Optional<UUID> find(DSLContext ctx, List<ReceivedPid.Identifier> ids) {
        for (ReceivedPid.Identifier id : ids) {
            if (id.authority() == null) {
                continue;
            }
            Optional<UUID> p = ctx.select(HL7_PATIENT_IDENTIFIER.PATIENT_ID).from(HL7_PATIENT_IDENTIFIER)
                    .where(HL7_PATIENT_IDENTIFIER.ASSIGNING_AUTHORITY.eq(id.authority()))
                    .and(HL7_PATIENT_IDENTIFIER.IDENTIFIER.eq(id.value())).fetchOptional(HL7_PATIENT_IDENTIFIER.PATIENT_ID);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    public static void record(DSLContext ctx, List<ReceivedPid.Identifier> ids, UUID patientId, Instant now) {
        for (ReceivedPid.Identifier id : ids) {
            if (id.authority() == null || id.value().length() > 100 || id.authority().length() > 200) {
                continue;
            }
            int updated = ctx.update(HL7_PATIENT_IDENTIFIER).set(HL7_PATIENT_IDENTIFIER.PATIENT_ID, patientId)
                    .where(HL7_PATIENT_IDENTIFIER.ASSIGNING_AUTHORITY.eq(id.authority()))
                    .and(HL7_PATIENT_IDENTIFIER.IDENTIFIER.eq(id.value())).execute();
            if (updated == 0) {
                ctx.insertInto(HL7_PATIENT_IDENTIFIER).set(HL7_PATIENT_IDENTIFIER.ASSIGNING_AUTHORITY, id.authority())
                        .set(HL7_PATIENT_IDENTIFIER.IDENTIFIER, id.value())
                        .set(HL7_PATIENT_IDENTIFIER.PATIENT_ID, patientId)
                        .set(HL7_PATIENT_IDENTIFIER.RECORDED_AT, now).execute();
            }
        }
    }
}
