package fr.opaline.hl7.transmission;

/**
 * What is asked of the receiver for a document (CI-SIS "Transmission de documents CDA en HL7v2"):
 * ORC-1, OBX-11 and the MDM event must agree.
 */
public enum DocumentAction {
    INITIAL("NW", "F", "T02"),
    REPLACE("RO", "C", "T10"),
    DELETE("CA", "D", "T04");

    private final String orderControl;
    private final String resultStatus;
    private final String mdmEvent;

    DocumentAction(String orderControl, String resultStatus, String mdmEvent) {
        this.orderControl = orderControl;
        this.resultStatus = resultStatus;
        this.mdmEvent = mdmEvent;
    }

    public String orderControl() {
        return orderControl;
    }

    public String resultStatus() {
        return resultStatus;
    }

    public String mdmEvent() {
        return mdmEvent;
    }

    /** The action an MDM event, ORC-1 or OBX-11 expresses; null when none. */
    public static DocumentAction fromMdmEvent(String event) {
        for (DocumentAction a : values()) {
            if (a.mdmEvent.equals(event)) {
                return a;
            }
        }
        return null;
    }

    public static DocumentAction fromOrderControl(String orc1) {
        for (DocumentAction a : values()) {
            if (a.orderControl.equals(orc1)) {
                return a;
            }
        }
        return null;
    }
}
