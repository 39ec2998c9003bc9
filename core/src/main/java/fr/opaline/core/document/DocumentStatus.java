package fr.opaline.core.document;

public enum DocumentStatus {
    CURRENT,
    /** A newer version with the same setId exists; kept visible in the record. */
    SUPERSEDED,
    DELETED
}
