package fr.opaline.core.patient;

/** Administrative sex as the INS knows it; U only for a provisional identity still incomplete. */
public enum Sex {
    M, F, U
}
