package fr.opaline.core.report;

/** Audit actions written by the report lifecycle. */
public final class ReportAuditActions {
    public static final String DRAFT_CREATED = "REPORT_DRAFT_CREATED";
    public static final String DRAFT_UPDATED = "REPORT_DRAFT_UPDATED";
    public static final String VALIDATED = "REPORT_VALIDATED";
    /** A radiologist validated a report of an exam not marked réalisé, giving a reason. */
    public static final String VALIDATION_OVERRIDE = "REPORT_VALIDATION_OVERRIDE";
    public static final String AMENDMENT_STARTED = "REPORT_AMENDMENT_STARTED";
    public static final String RETRACTED = "REPORT_RETRACTED";
    public static final String VISIBILITY_CHANGED = "REPORT_VISIBILITY_CHANGED";
    /** A user opened a CR (its content was shown). */
    public static final String READ = "REPORT_READ";

    private ReportAuditActions() {
    }
}
