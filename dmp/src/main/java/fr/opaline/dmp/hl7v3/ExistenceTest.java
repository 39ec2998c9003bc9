package fr.opaline.dmp.hl7v3;

import static fr.opaline.dmp.soap.DmpNamespaces.HL7;
import static fr.opaline.dmp.soap.DmpNamespaces.XSI;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.dmp.soap.Dom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * TD0.2 "test d'existence du DMP et de l'autorisation": the HL7v3 query PRPA_IN201307UV02 (reason
 * TEST_EXST) and its answer PRPA_IN201308UV02, whose queryAck says whether the record exists (OK /
 * NF), the patient's statusCode whether it is open, and the attention line AUTORISATION the
 * professional's individual authorisation (VALIDE, NON_EXISTANTE, EXPIREE, INTERDITE).
 */
public final class ExistenceTest {

    public static final String ACTION = "urn:hl7-org:v3:PRPA_IN201307UV02";
    public static final String RESPONSE_ACTION = "urn:hl7-org:v3:PRPA_IN201308UV02";
    public static final String DMP_DEVICE = "1.2.250.1.213.4.1.1.1";
    public static final String INTERACTION_ROOT = "2.16.840.1.113883.1.6";
    public static final String REASON_SYSTEM = "1.2.250.1.213.1.1.4.11";
    public static final String AUTHORIZATION_KEYWORD = "AUTORISATION";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** What the DMP answered. */
    public record Answer(boolean acknowledged, String errorText, boolean exists, boolean open,
                         AuthorizationStatus authorization) {
    }

    private ExistenceTest() {
    }

    /** The request for the patient, sent by the software {@code lpsOid} / {@code lpsName}. */
    public static void writeRequest(Element soapBody, InsNumber ins, String lpsOid, String lpsName, Instant now) {
        Element root = Dom.add(soapBody, HL7, "PRPA_IN201307UV02");
        root.setAttribute("ITSVersion", "XML_1.0");
        header(root, lpsOid + ".1", "PRPA_IN201307UV02", now, "AL");
        device(root, "receiver", "RCV", DMP_DEVICE, "DMP");
        device(root, "sender", "SND", lpsOid, lpsName);
        Element control = Dom.add(root, HL7, "controlActProcess");
        control.setAttribute("classCode", "CACT");
        control.setAttribute("moodCode", "EVN");
        Element reason = Dom.add(control, HL7, "reasonCode");
        reason.setAttribute("code", "TEST_EXST");
        reason.setAttribute("codeSystem", REASON_SYSTEM);
        reason.setAttribute("displayName", "Test d'existence de dossier");
        Element query = Dom.add(control, HL7, "queryByParameter");
        id(Dom.add(query, HL7, "queryId"), lpsOid + ".2", UUID.randomUUID().toString());
        Dom.add(query, HL7, "statusCode").setAttribute("code", "new");
        Element patient = Dom.add(Dom.add(query, HL7, "parameterList"), HL7, "patientIdentifier");
        id(Dom.add(patient, HL7, "value"), ins.oid(), ins.matricule());
        Dom.add(patient, HL7, "semanticsText", "Patient.id");
    }

    /** The INS asked about in a received request, or null when absent. */
    public static InsNumber readRequest(Element request) {
        Element control = Dom.child(request, "controlActProcess");
        Element value = Dom.child(Dom.child(Dom.child(Dom.child(control, "queryByParameter"), "parameterList"),
                "patientIdentifier"), "value");
        String matricule = Dom.attribute(value, "extension");
        String oid = Dom.attribute(value, "root");
        return matricule == null || oid == null ? null : new InsNumber(matricule, oid);
    }

    /** Writes the answer of the DMP (sandbox side). */
    public static void writeAnswer(Element soapBody, InsNumber ins, Answer answer, Instant now) {
        Element root = Dom.add(soapBody, HL7, "PRPA_IN201308UV02");
        root.setAttribute("ITSVersion", "XML_1.0");
        header(root, DMP_DEVICE + ".1", "PRPA_IN201308UV02", now, "NE");
        device(root, "receiver", "RCV", "0", "LPS");
        device(root, "sender", "SND", DMP_DEVICE, "DMP");
        if (answer.authorization() != null) {
            Element line = Dom.add(root, HL7, "attentionLine");
            Dom.add(line, HL7, "keyWordText").setAttribute("code", AUTHORIZATION_KEYWORD);
            Element value = Dom.add(line, HL7, "value");
            value.setAttributeNS(XSI, "xsi:type", "CE");
            value.setAttribute("code", answer.authorization().name());
        }
        Element ack = Dom.add(root, HL7, "acknowledgement");
        ack.setAttribute("typeCode", answer.acknowledged() ? "AA" : "AE");
        if (answer.errorText() != null) {
            Dom.add(Dom.add(ack, HL7, "acknowledgementDetail"), HL7, "text", answer.errorText());
        }
        Element control = Dom.add(root, HL7, "controlActProcess");
        control.setAttribute("classCode", "CACT");
        control.setAttribute("moodCode", "EVN");
        if (answer.exists()) {
            Element event = Dom.add(Dom.add(control, HL7, "subject"), HL7, "registrationEvent");
            event.setAttribute("classCode", "REG");
            event.setAttribute("moodCode", "EVN");
            Dom.add(event, HL7, "statusCode").setAttribute("code", "active");
            Element patient = Dom.add(Dom.add(event, HL7, "subject1"), HL7, "patient");
            patient.setAttribute("classCode", "PAT");
            id(Dom.add(patient, HL7, "id"), ins.oid(), ins.matricule());
            Dom.add(patient, HL7, "statusCode").setAttribute("code", answer.open() ? "active" : "terminated");
        }
        Element queryAck = Dom.add(control, HL7, "queryAck");
        Dom.add(queryAck, HL7, "queryResponseCode").setAttribute("code", answer.exists() ? "OK" : "NF");
    }

    /** Reads the answer (client side). */
    public static Answer readAnswer(Element response) {
        Element ack = Dom.child(response, "acknowledgement");
        boolean acknowledged = ack != null && "AA".equals(ack.getAttribute("typeCode"));
        String error = Dom.text(Dom.child(ack, "acknowledgementDetail"), "text");
        Element control = Dom.child(response, "controlActProcess");
        String responseCode = Dom.attribute(Dom.child(Dom.child(control, "queryAck"), "queryResponseCode"), "code");
        boolean exists = "OK".equals(responseCode);
        Element patient = Dom.child(Dom.child(Dom.child(Dom.child(control, "subject"), "registrationEvent"), "subject1"),
                "patient");
        boolean open = exists && "active".equals(Dom.attribute(Dom.child(patient, "statusCode"), "code"));
        AuthorizationStatus authorization = null;
        for (Element line : Dom.children(response, "attentionLine")) {
            if (AUTHORIZATION_KEYWORD.equals(Dom.attribute(Dom.child(line, "keyWordText"), "code"))) {
                authorization = AuthorizationStatus.fromCode(Dom.attribute(Dom.child(line, "value"), "code"));
            }
        }
        return new Answer(acknowledged, error, exists, open, authorization);
    }

    private static void header(Element root, String idRoot, String interaction, Instant now, String ackCode) {
        id(Dom.add(root, HL7, "id"), idRoot, UUID.randomUUID().toString());
        Dom.add(root, HL7, "creationTime").setAttribute("value", TS.format(now));
        id(Dom.add(root, HL7, "interactionId"), INTERACTION_ROOT, interaction);
        Dom.add(root, HL7, "processingCode").setAttribute("code", "P");
        Dom.add(root, HL7, "processingModeCode").setAttribute("code", "T");
        Dom.add(root, HL7, "acceptAckCode").setAttribute("code", ackCode);
    }

    private static void device(Element root, String role, String typeCode, String idRoot, String name) {
        Element r = Dom.add(root, HL7, role);
        r.setAttribute("typeCode", typeCode);
        Element device = Dom.add(r, HL7, "device");
        device.setAttribute("classCode", "DEV");
        device.setAttribute("determinerCode", "INSTANCE");
        Dom.add(device, HL7, "id").setAttribute("root", idRoot);
        Dom.add(device, HL7, "softwareName", name);
    }

    private static void id(Element e, String root, String extension) {
        e.setAttribute("root", root);
        e.setAttribute("extension", extension);
    }
}
