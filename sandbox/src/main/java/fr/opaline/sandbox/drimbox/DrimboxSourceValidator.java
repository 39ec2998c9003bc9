package fr.opaline.sandbox.drimbox;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReadException;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.transmission.DocumentAction;
import fr.opaline.hl7.transmission.DocumentMetadata;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The checks a DRIMbox source (a GESTIONNAIRE of the CI-SIS volet) makes on an ORU or MDM before
 * taking responsibility for a CR: profile and version, the CDA in the first OBX (base64, a
 * readable CDA R2), ORC-1 / OBX-11 / MDM event in agreement, TXA-12 equal to the CDA id, the
 * patient's INS in PID-3 equal to the CDA's, the metadata OBX in the specified order.
 */
final class DrimboxSourceValidator {

    record Checked(DocumentAction action, CdaHeader cda, byte[] cdaBytes, List<Hl7Error> errors) {
    }

    private final CdaReader reader = new CdaReader();

    Checked check(MshHeader header, Message message) {
        List<Hl7Error> errors = new ArrayList<>();
        boolean mdm = header.messageType().equals("MDM");
        String expectedVersion = mdm ? "2.6" : "2.5";
        if (!header.version().equals(expectedVersion)) {
            errors.add(Hl7Error.of(Hl7Error.UNSUPPORTED_VERSION, "Unsupported version id").at("MSH", 1, 12));
            return new Checked(null, null, null, errors);
        }
        try {
            Terser t = new Terser(message);
            if (!"CISIS_CDA_HL7_V2".equals(t.get("/MSH-21-2"))) {
                errors.add(Hl7Error.of(Hl7Error.REQUIRED_FIELD_MISSING, "Profil CISIS_CDA_HL7_V2 attendu en MSH-21")
                        .at("MSH", 1, 21));
            }
            String obx = mdm ? "/OBSERVATION(0)/OBX" : "/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(0)/OBX";
            String orc = mdm ? "/COMMON_ORDER/ORC" : "/PATIENT_RESULT/ORDER_OBSERVATION/ORC";
            DocumentAction byOrc = DocumentAction.fromOrderControl(t.get(orc + "-1"));
            String status = t.get(obx + "-11");
            DocumentAction byEvent = mdm ? DocumentAction.fromMdmEvent(header.triggerEvent()) : byOrc;
            if (byOrc == null || byEvent != byOrc || status == null || !status.equals(byOrc.resultStatus())) {
                errors.add(Hl7Error.application("207", "ORC-1, OBX-11 et l'événement ne concordent pas", "DRIMBOX")
                        .at("ORC", 1, 1));
            }
            if (!"ED".equals(t.get(obx + "-2")) || !"Base64".equalsIgnoreCase(t.get(obx + "-5-4"))) {
                errors.add(Hl7Error.of(Hl7Error.DATA_TYPE_ERROR, "Document CDA en base64 attendu dans le premier OBX")
                        .at("OBX", 1, 5));
                return new Checked(byOrc, null, null, errors);
            }
            byte[] cda = Base64.getDecoder().decode(t.get(obx + "-5-5"));
            CdaHeader h = reader.read(cda).header();
            if (mdm) {
                String txa12 = t.get("/TXA-12-3") != null ? t.get("/TXA-12-3") + "^" + t.get("/TXA-12-1") : t.get("/TXA-12-1");
                if (!h.id().asUid().equals(txa12)) {
                    errors.add(Hl7Error.of(Hl7Error.OTHER, "TXA-12 (" + txa12 + ") différent de l'id du CDA")
                            .at("TXA", 1, 12));
                }
            }
            if (h.ins() != null) {
                boolean found = false;
                for (int i = 0; i < 5 && t.get("/.PID-3(" + i + ")-1") != null; i++) {
                    found |= h.ins().extension().equals(t.get("/.PID-3(" + i + ")-1"));
                }
                if (!found) {
                    errors.add(Hl7Error.of(Hl7Error.OTHER, "INS du PID différente de celle du document").at("PID", 1, 3));
                }
            }
            List<String> codes = new ArrayList<>();
            for (int i = 1; i < 20; i++) {
                String code = t.get((mdm ? "/OBSERVATION(" + i + ")/OBX" : "/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION("
                        + i + ")/OBX") + "-3-1");
                if (code == null) {
                    break;
                }
                if (DocumentMetadata.LABELS.containsKey(code)) {
                    codes.add(code);
                }
            }
            List<String> required = new ArrayList<>(DocumentMetadata.LABELS.keySet()).subList(0, 8);
            if (!codes.subList(0, Math.min(codes.size(), required.size())).equals(required)) {
                errors.add(Hl7Error.of(Hl7Error.SEGMENT_SEQUENCE, "Métadonnées DMP/MSSanté absentes ou dans le désordre : "
                        + codes).at("OBX", 2, 3));
            }
            return new Checked(byOrc, h, cda, errors);
        } catch (HL7Exception e) {
            errors.add(Hl7Error.of(Hl7Error.OTHER, "Message illisible : " + e.getMessage()));
        } catch (CdaReadException | IllegalArgumentException e) {
            errors.add(Hl7Error.of(Hl7Error.DATA_TYPE_ERROR, "Document CDA illisible : " + e.getMessage()).at("OBX", 1, 5));
        }
        return new Checked(null, null, null, errors);
    }
}
