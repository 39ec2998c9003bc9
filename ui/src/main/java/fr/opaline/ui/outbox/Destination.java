package fr.opaline.ui.outbox;

import java.util.Locale;

/**
 * Where a job of the outbox goes, read from its type (each module names its jobs after its
 * destination: {@code dmp-feed}, {@code drimbox-send}, {@code mss-send}, {@code teleradiology-order}…).
 */
public enum Destination {
    DMP, DRIMBOX, MSSANTE, HL7, INSI, OTHER;

    public static Destination of(String jobType) {
        String type = jobType == null ? "" : jobType.toLowerCase(Locale.ROOT);
        if (type.startsWith("dmp")) {
            return DMP;
        }
        if (type.startsWith("drimbox")) {
            return DRIMBOX;
        }
        if (type.startsWith("mss")) {
            return MSSANTE;
        }
        if (type.startsWith("teleradiology") || type.startsWith("hl7")) {
            return HL7;
        }
        if (type.startsWith("ins")) {
            return INSI;
        }
        return OTHER;
    }
}
