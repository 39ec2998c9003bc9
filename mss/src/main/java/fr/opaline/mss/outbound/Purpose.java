package fr.opaline.mss.outbound;

/** Why a message is sent. */
public enum Purpose {
    /** First transmission of a validated CR. */
    ENVOI,
    /** A new version replacing the one sent before (the CDA carries relatedDocument RPLC). */
    REMPLACEMENT,
    /** The CR was retracted: the recipients are asked to delete it (XDM extra metadata action = D). */
    SUPPRESSION,
    /** Processing report (MDN) about a message received on the BAL applicative. */
    ACCUSE
}
