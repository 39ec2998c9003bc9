package fr.opaline.dmp.soap;

/**
 * A SOAP 1.2 fault: code {@code Sender} (the request is at fault) or {@code Receiver} (the service
 * failed), the service's own subcode (e.g. DMP error code) and the reason text.
 */
public record SoapFault(String code, String subcode, String reason) {

    public static final String SENDER = "Sender";
    public static final String RECEIVER = "Receiver";

    public boolean senderFault() {
        return SENDER.equals(code);
    }
}
