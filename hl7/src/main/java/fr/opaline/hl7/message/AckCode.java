package fr.opaline.hl7.message;

/** MSA-1 in original mode. */
public enum AckCode {
    /** Accepted: the receiver takes responsibility for the message. */
    AA,
    /** Error: the message is wrong (syntax, unsupported type/version, business refusal); resending it as is won't help. */
    AE,
    /** Rejected for a circumstantial reason (the receiver could not process it now); it may be resent. */
    AR
}
