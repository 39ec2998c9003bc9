package fr.opaline.worklist.dimse;

/** Command fields, statuses and SOP classes of the DIMSE services Opaline uses (PS3.7, PS3.4). */
public final class Dimse {

    private Dimse() {
    }

    public static final String VERIFICATION = "1.2.840.10008.1.1";
    public static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";

    public static final int C_STORE_RQ = 0x0001;
    public static final int C_GET_RQ = 0x0010;
    public static final int C_FIND_RQ = 0x0020;
    public static final int C_MOVE_RQ = 0x0021;
    public static final int C_ECHO_RQ = 0x0030;
    public static final int N_EVENT_REPORT_RQ = 0x0100;
    public static final int N_GET_RQ = 0x0110;
    public static final int N_SET_RQ = 0x0120;
    public static final int N_ACTION_RQ = 0x0130;
    public static final int N_CREATE_RQ = 0x0140;
    public static final int N_DELETE_RQ = 0x0150;
    public static final int C_CANCEL_RQ = 0x0FFF;
    public static final int RESPONSE_BIT = 0x8000;
    public static final int C_FIND_RSP = C_FIND_RQ | RESPONSE_BIT;
    public static final int C_ECHO_RSP = C_ECHO_RQ | RESPONSE_BIT;

    /** Command Data Set Type (0000,0800): no data set follows. */
    public static final int NO_DATA_SET = 0x0101;
    public static final int DATA_SET_PRESENT = 0x0000;

    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    /** Pending, but some optional keys of the identifier were not supported. */
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int UNABLE_TO_PROCESS = 0xC000;

    /** Requests Opaline knows the response command of, so it can refuse them with a status. */
    static boolean isKnownRequest(int commandField) {
        return switch (commandField) {
            case C_STORE_RQ, C_GET_RQ, C_FIND_RQ, C_MOVE_RQ, C_ECHO_RQ, N_EVENT_REPORT_RQ, N_GET_RQ, N_SET_RQ,
                    N_ACTION_RQ, N_CREATE_RQ, N_DELETE_RQ -> true;
            default -> false;
        };
    }

    public static boolean isPending(int status) {
        return status == PENDING || status == PENDING_WARNING;
    }
}
