package fr.opaline.ins.trust;

/** The INSi récupération made with the received traits, as the trust-contract matrix reads it. */
public enum InsiAnswer {
    /** 00: one identity found (and it is the received one). */
    UNE_IDENTITE,
    /** 01 or 02, or the call failed. */
    AUCUNE_OU_PLUSIEURS,
    /** No call was needed. */
    NON_APPELE
}
