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

    /** The DMP's answer: status OK or ERROR, and its context text. */
    public record Answer(String status, String context) {
        public boolean ok() {
            return "OK".equals(status);
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
