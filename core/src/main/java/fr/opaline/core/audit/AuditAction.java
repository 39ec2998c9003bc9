package fr.opaline.core.audit;

/**
 * Audited actions. Later modules add their own as plain strings through {@link AuditEntry};
 * these are the ones the core itself writes.
 */
public final class AuditAction {
    public static final String PATIENT_CREATED = "PATIENT_CREATED";
    public static final String PATIENT_UPDATED = "PATIENT_UPDATED";
    public static final String PATIENT_READ = "PATIENT_READ";
    public static final String PATIENT_SEARCH = "PATIENT_SEARCH";
    public static final String EPISODE_OPENED = "EPISODE_OPENED";
    public static final String CONSENT_CHANGED = "CONSENT_CHANGED";
    public static final String APPOINTMENT_BOOKED = "APPOINTMENT_BOOKED";
    public static final String APPOINTMENT_MOVED = "APPOINTMENT_MOVED";
    public static final String APPOINTMENT_CANCELLED = "APPOINTMENT_CANCELLED";
    public static final String PATIENT_ARRIVED = "PATIENT_ARRIVED";
    public static final String STEP_STATUS_CHANGED = "STEP_STATUS_CHANGED";
    /** A room or an exam added to the catalogue (administration screen or command line). */
    public static final String CATALOGUE_CHANGED = "CATALOGUE_CHANGED";
    public static final String JOB_HELD = "JOB_HELD";
    public static final String JOB_RESUMED = "JOB_RESUMED";
    public static final String JOB_CANCELLED = "JOB_CANCELLED";
    public static final String JOB_RETRIED = "JOB_RETRIED";
    public static final String LOGIN = "LOGIN";
    public static final String LOGIN_FAILED = "LOGIN_FAILED";
    public static final String LOGOUT = "LOGOUT";
    public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";
    public static final String ACCOUNT_UPDATED = "ACCOUNT_UPDATED";
    public static final String ACCOUNT_ROLE_CHANGED = "ACCOUNT_ROLE_CHANGED";
    public static final String ACCOUNT_ENABLED = "ACCOUNT_ENABLED";
    public static final String ACCOUNT_DISABLED = "ACCOUNT_DISABLED";
    public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";
    public static final String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";
    public static final String ACCOUNT_LINKED = "ACCOUNT_LINKED";
    public static final String ACCOUNT_UNLINKED = "ACCOUNT_UNLINKED";
    public static final String ACCOUNTS_EXPORTED = "ACCOUNTS_EXPORTED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String PASSWORD_CHANGE_FAILED = "PASSWORD_CHANGE_FAILED";
    public static final String PASSWORD_RESET = "PASSWORD_RESET";
    public static final String TOTP_ENROLLED = "TOTP_ENROLLED";
    public static final String TOTP_CONFIRMED = "TOTP_CONFIRMED";
    public static final String TOTP_REMOVED = "TOTP_REMOVED";
    public static final String TOTP_SEEDS_SEALED = "TOTP_SEEDS_SEALED";
    public static final String DATA_SEEDED = "DATA_SEEDED";
    public static final String DATABASE_RESTORED = "DATABASE_RESTORED";
    /** An operator command served by the running server (list, audit check, backup; decision 0310). */
    public static final String OPERATOR_CALL = "OPERATOR_CALL";

    private AuditAction() {
    }
}
