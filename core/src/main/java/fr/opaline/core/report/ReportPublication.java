package fr.opaline.core.report;

import fr.opaline.core.common.Actor;
import java.time.Instant;
import java.util.UUID;

/**
 * A report version that becomes, or stops being, the one in force: what the sharing modules
 * (documents, DMP, HL7/DRIMbox, MSSanté) react to.
 *
 * @param version  the version validated, or the version retracted
 * @param replaced for {@link Kind#AMENDED}, the validated version it supersedes (same setId); else null
 */
public record ReportPublication(Kind kind, Report report, ReportVersion version, ReportVersion replaced,
                                UUID patientId, UUID orderId, Actor actor, Instant at) {

    public enum Kind {
        /** First validated version of the report. */
        VALIDATED,
        /** A new validated version replacing the previous one (CDA relatedDocument RPLC). */
        AMENDED,
        /** The version in force is withdrawn; the report is no longer valid. */
        RETRACTED
    }
}
