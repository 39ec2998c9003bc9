package fr.opaline.core.audit;

import fr.opaline.core.common.Actor;
import java.util.Objects;
import java.util.UUID;

/** What to write in the audit trail: who did what, on which patient and object. */
public record AuditEntry(Actor actor, String action, UUID patientId, String objectType, String objectId,
                         String detail) {

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        if (detail != null && detail.length() > 2000) {
            detail = detail.substring(0, 1999) + "…";
        }
    }

    public static AuditEntry of(Actor actor, String action, UUID patientId) {
        return new AuditEntry(actor, action, patientId, null, null, null);
    }

    public AuditEntry on(String type, Object id) {
        return new AuditEntry(actor, action, patientId, type, id == null ? null : id.toString(), detail);
    }

    public AuditEntry withDetail(String text) {
        return new AuditEntry(actor, action, patientId, objectType, objectId, text);
    }
}
