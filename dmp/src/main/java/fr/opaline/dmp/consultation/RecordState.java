package fr.opaline.dmp.consultation;

/** What the DMP last said about a patient's record, for one professional (dmp_record_status). */
public enum RecordState {
    /** The record exists and is open. */
    OPEN,
    /** The record exists but is closed. */
    CLOSED,
    /** The patient has no record. */
    ABSENT,
    /** The DMP could not be reached. */
    UNAVAILABLE,
    /** The patient blocked this professional, or the DMP refused the access. */
    REFUSED
}
