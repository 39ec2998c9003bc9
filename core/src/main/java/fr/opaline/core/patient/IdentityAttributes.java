package fr.opaline.core.patient;

/** RNIV attributes of an identity. Doubtful or fictitious forces the status to provisoire. */
public record IdentityAttributes(boolean doubtful, boolean fictitious, boolean homonym) {

    public static final IdentityAttributes NONE = new IdentityAttributes(false, false, false);
}
