package fr.opaline.dmp.feeding;

/** How a feeding attempt ended, as the statistics count it (REQUIREMENTS §9). */
public enum FeedOutcome {
    /** Acknowledged by the DMP. */
    SENT,
    /** Acknowledged by the DMP, invisible to the patient. */
    INVISIBLE,
    /** Refused by the DMP, or abandoned after the last attempt. */
    FAILED,
    /** Not sent: no DMP, INS not qualified, or the patient's opposition. */
    NO_DMP,
    /** Removed from the DMP (deleted status). */
    DELETED
}
