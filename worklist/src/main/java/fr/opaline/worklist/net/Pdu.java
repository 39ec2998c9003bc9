package fr.opaline.worklist.net;

import java.util.List;

/** The protocol data units of the DICOM upper layer (PS3.8 section 9.3). */
public sealed interface Pdu {

    int TYPE_ASSOCIATE_RQ = 0x01;
    int TYPE_ASSOCIATE_AC = 0x02;
    int TYPE_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_RELEASE_RQ = 0x05;
    int TYPE_RELEASE_RP = 0x06;
    int TYPE_ABORT = 0x07;

    String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";

    /** A-ASSOCIATE-RQ. */
    record AssociateRequest(int protocolVersion, String calledAeTitle, String callingAeTitle,
                            String applicationContext, List<PresentationContext> contexts,
                            UserInformation userInformation) implements Pdu {
        public AssociateRequest {
            contexts = List.copyOf(contexts);
        }
    }

    /** A-ASSOCIATE-AC; AE titles echo the request's. */
    record AssociateAccept(int protocolVersion, String calledAeTitle, String callingAeTitle,
                           String applicationContext, List<PresentationContextResult> contexts,
                           UserInformation userInformation) implements Pdu {
        public AssociateAccept {
            contexts = List.copyOf(contexts);
        }
    }

    /** A-ASSOCIATE-RJ (PS3.8 table 9-21). */
    record AssociateReject(int result, int source, int reason) implements Pdu {
        public static final int PERMANENT = 1;
        public static final int TRANSIENT = 2;
        public static final int SOURCE_SERVICE_USER = 1;
        public static final int SOURCE_ACSE = 2;
        public static final int SOURCE_PRESENTATION = 3;
        public static final int USER_NO_REASON = 1;
        public static final int USER_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
        public static final int USER_CALLING_AE_NOT_RECOGNIZED = 3;
        public static final int USER_CALLED_AE_NOT_RECOGNIZED = 7;
        public static final int ACSE_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
        public static final int PRESENTATION_TEMPORARY_CONGESTION = 1;
        public static final int PRESENTATION_LOCAL_LIMIT_EXCEEDED = 2;
    }

    /** P-DATA-TF: one or more presentation data values. */
    record PData(List<Pdv> values) implements Pdu {
        public PData {
            values = List.copyOf(values);
        }
    }

    /** A-RELEASE-RQ. */
    record ReleaseRequest() implements Pdu {
    }

    /** A-RELEASE-RP. */
    record ReleaseResponse() implements Pdu {
    }

    /** A-ABORT (PS3.8 table 9-26). */
    record Abort(int source, int reason) implements Pdu {
        public static final int SOURCE_SERVICE_USER = 0;
        public static final int SOURCE_SERVICE_PROVIDER = 2;
        public static final int REASON_NOT_SPECIFIED = 0;
        public static final int UNRECOGNIZED_PDU = 1;
        public static final int UNEXPECTED_PDU = 2;
        public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
        public static final int UNEXPECTED_PDU_PARAMETER = 5;
        public static final int INVALID_PDU_PARAMETER_VALUE = 6;
    }

    /** A presentation context proposed in an A-ASSOCIATE-RQ. */
    record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes) {
        public PresentationContext {
            transferSyntaxes = List.copyOf(transferSyntaxes);
        }
    }

    /** The answer to one proposed presentation context (PS3.8 table 9-18). */
    record PresentationContextResult(int id, int result, String transferSyntax) {
        public static final int ACCEPTANCE = 0;
        public static final int USER_REJECTION = 1;
        public static final int NO_REASON = 2;
        public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
        public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

        public boolean accepted() {
            return result == ACCEPTANCE;
        }
    }

    /**
     * The user information item: maximum length of the P-DATA-TF PDUs the sender can receive
     * (0 = no limit), implementation class UID and version name; other sub-items (role
     * selection, extended negotiation, user identity, asynchronous operations) kept as read.
     */
    record UserInformation(long maxPduLength, String implementationClassUid, String implementationVersionName,
                           List<SubItem> otherSubItems) {
        public UserInformation {
            otherSubItems = List.copyOf(otherSubItems);
        }
    }

    /** A user information sub-item Opaline does not interpret. */
    record SubItem(int type, byte[] value) {
    }

    /** One presentation data value: a fragment of a DIMSE command or data set. */
    record Pdv(int contextId, boolean command, boolean last, byte[] data) {
    }
}
