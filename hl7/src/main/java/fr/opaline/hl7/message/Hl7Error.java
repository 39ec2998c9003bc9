package fr.opaline.hl7.message;

/**
 * One ERR segment of an acknowledgement: where (ERR-2), the HL7 condition (ERR-3, table 0357
 * "messageErrorCondition"), the severity (ERR-4, table 0516) and, for an application error
 * (207), the application's own code (ERR-5, e.g. the CI-SIS table applicationErrorCode).
 */
public record Hl7Error(String segment, int sequence, int field, int condition, String conditionText,
                       String severity, String applicationCode, String applicationText, String applicationCodeSystem) {

    public static final int SEGMENT_SEQUENCE = 100;
    public static final int REQUIRED_FIELD_MISSING = 101;
    public static final int DATA_TYPE_ERROR = 102;
    public static final int TABLE_VALUE_NOT_FOUND = 103;
    public static final int OTHER = 199;
    public static final int UNSUPPORTED_MESSAGE_TYPE = 200;
    public static final int UNSUPPORTED_EVENT = 201;
    public static final int UNSUPPORTED_PROCESSING_ID = 202;
    public static final int UNSUPPORTED_VERSION = 203;
    public static final int APPLICATION_ERROR = 207;

    /** A syntax or protocol error (no application code). */
    public static Hl7Error of(int condition, String text) {
        return new Hl7Error(null, 0, 0, condition, text, "E", null, null, null);
    }

    public Hl7Error at(String segmentName, int seq, int fieldNumber) {
        return new Hl7Error(segmentName, seq, fieldNumber, condition, conditionText, severity, applicationCode,
                applicationText, applicationCodeSystem);
    }

    /** An application error: ERR-3 = 207, ERR-5 = code^text^codeSystem. */
    public static Hl7Error application(String code, String text, String codeSystem) {
        return new Hl7Error(null, 0, 0, APPLICATION_ERROR, "Application error", "E", code, text, codeSystem);
    }

    /** Human-readable, for the trace. */
    public String describe() {
        String where = segment == null ? "" : " [" + segment + (field > 0 ? "-" + field : "") + "]";
        return condition + " " + conditionText + where + (applicationCode == null ? ""
                : " — " + applicationCode + " " + applicationText);
    }
}
