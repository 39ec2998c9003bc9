package fr.opaline.dmp;

/** The audit actions the DMP module writes (beside the core's CONSENT_CHANGED and JOB_*). */
public final class DmpAuditActions {

    public static final String BREAK_GLASS = "DMP_BREAK_GLASS";
    public static final String RECORD_CHECKED = "DMP_RECORD_CHECKED";
    public static final String AUTHORIZATION_SET = "DMP_AUTHORIZATION_SET";
    public static final String AUTHORIZATION_RENEWED = "DMP_AUTHORIZATION_RENEWED";
    public static final String DOCUMENTS_LISTED = "DMP_DOCUMENTS_LISTED";
    public static final String DOCUMENT_RETRIEVED = "DMP_DOCUMENT_RETRIEVED";
    public static final String DOCUMENT_INTEGRATED = "DMP_DOCUMENT_INTEGRATED";
    public static final String VISIBILITY_CHANGED = "DMP_VISIBILITY_CHANGED";
    public static final String FEED_OPTION_CHANGED = "DMP_FEED_OPTION_CHANGED";
    public static final String FEED_REQUESTED = "DMP_FEED_REQUESTED";
    public static final String DELETE_REQUESTED = "DMP_DELETE_REQUESTED";

    private DmpAuditActions() {
    }
}
