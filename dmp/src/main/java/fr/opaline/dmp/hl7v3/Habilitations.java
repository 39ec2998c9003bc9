package fr.opaline.dmp.hl7v3;

import static fr.opaline.dmp.soap.DmpNamespaces.HABILITATIONS;

import fr.opaline.dmp.soap.Dom;
import org.w3c.dom.Element;

/**
 * TD0.4 "gestion des autorisations": setAuthorization with action AJOUT (the professional named in
 * the VIHF is authorised on the patient's record named in the VIHF) or SUPPRESSION.
 */
public final class Habilitations {

    public static final String ACTION = "urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization";
    public static final String RESPONSE_ACTION = ACTION + "Response";
    public static final String ADD = "AJOUT";
    public static final String REMOVE = "SUPPRESSION";

    /**
     * The status of a successful answer as the DMP services of the ANS test kit give it (issue 25;
     * the kit itself is not public: see docs/conformance.md). {@code OK} stays accepted.
     */
    public static final String SUCCESS = "DMPOK";

    /** The DMP's answer: status DMPOK (or OK) on success, else an error status, and its context text. */
    public record Answer(String status, String context) {
        public boolean ok() {
            return SUCCESS.equals(status) || "OK".equals(status);
        }
    }

    private Habilitations() {
    }

    public static void writeRequest(Element soapBody, String action) {
        Element request = Dom.add(soapBody, HABILITATIONS, "setAuthorization");
        Dom.add(request, HABILITATIONS, "action", action);
    }

    public static String readRequest(Element request) {
        return Dom.text(request, "action");
    }

    public static void writeAnswer(Element soapBody, Answer answer) {
        Element response = Dom.add(soapBody, HABILITATIONS, "setAuthorizationResponse");
        Dom.add(response, HABILITATIONS, "status", answer.status());
        Dom.add(response, HABILITATIONS, "context", answer.context());
    }

    public static Answer readAnswer(Element response) {
        return new Answer(Dom.text(response, "status"), Dom.text(response, "context"));
    }
}
