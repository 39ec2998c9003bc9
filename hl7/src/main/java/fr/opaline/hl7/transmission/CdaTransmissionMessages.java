package fr.opaline.hl7.transmission;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import fr.opaline.hl7.message.Er7Segment;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.message.Hl7Context;
import fr.opaline.hl7.message.PatientSegments;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The messages of the CI-SIS "Transmission de document(s) CDA en HL7v2" (version 2.1): ORU^R01 in
 * HL7 v2.5 and MDM^T02/T10/T04 in v2.6, for a PFI or a DRIMbox source (SC.CDA/HL7.01/02/04,
 * SC.DB/RIS.12). First observation: the CDA in base64 with its PRT segments (sender — the VIHF
 * data a PFI needs, SC.DMP/CONF.12 — MSSanté recipients, reply address); then one observation per
 * DMP/MSSanté metadata flag, in the specification's order. The text is parsed back by HAPI.
 */
public final class CdaTransmissionMessages {

    public static final String PROFILE_VERSION = "2.1";
    public static final String PROFILE = "CISIS_CDA_HL7_V2";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private CdaTransmissionMessages() {
    }

    /** ORU^R01^ORU_R01, HL7 v2.5. */
    public static String oru(DocumentTransmission t, MessageRouting routing, String controlId, Instant now) {
        List<Er7Segment> segments = new ArrayList<>();
        segments.add(msh(routing, "ORU", "R01", "ORU_R01", "2.5", controlId, now));
        segments.add(PatientSegments.pid(t.patient(), t.ippAuthorityName()));
        segments.add(PatientSegments.pv1());
        segments.add(orc(t));
        segments.add(obr(t));
        observations(segments, t, false);
        return checked(segments);
    }

    /** MDM^T02 / T10 / T04 ^MDM_T02, HL7 v2.6. */
    public static String mdm(DocumentTransmission t, MessageRouting routing, String controlId, Instant now) {
        List<Er7Segment> segments = new ArrayList<>();
        segments.add(msh(routing, "MDM", t.action().mdmEvent(), "MDM_T02", "2.6", controlId, now));
        segments.add(new Er7Segment("EVN").field(2, ts(now)).field(6, ts(now)));
        segments.add(PatientSegments.pid(t.patient(), t.ippAuthorityName()));
        segments.add(PatientSegments.pv1());
        segments.add(orc(t));
        segments.add(obr(t));
        Er7Segment txa = new Er7Segment("TXA").field(1, "1").field(2, t.typeCode()).field(3, "TEXT")
                .field(4, ts(t.documentTime()));
        txa.field(12, entityId(t.documentUid()));
        if (t.replacedDocumentUid() != null) {
            // The version a replacement replaces; on a deletion, the one the deleted version replaced.
            txa.field(13, entityId(t.replacedDocumentUid()));
        }
        txa.field(17, "AU");
        if (t.authenticatorIdnps() != null) {
            txa.field(22, t.authenticatorIdnps());
        }
        segments.add(txa);
        observations(segments, t, true);
        return checked(segments);
    }

    private static Er7Segment msh(MessageRouting r, String type, String event, String structure, String version,
                                  String controlId, Instant now) {
        return new Er7Segment("MSH").field(3, r.sendingApplication()).field(4, r.sendingFacility())
                .field(5, r.receivingApplication()).field(6, r.receivingFacility()).field(7, ts(now))
                .field(9, type, event, structure).field(10, controlId).field(11, r.processingId())
                .field(12, version).field(17, "FRA").field(18, Hl7Charsets.msh18(r.charset()))
                .field(21, PROFILE_VERSION, PROFILE);
    }

    private static Er7Segment orc(DocumentTransmission t) {
        return new Er7Segment("ORC").field(1, t.action().orderControl());
    }

    private static Er7Segment obr(DocumentTransmission t) {
        return new Er7Segment("OBR").field(1, "1").field(4, t.typeCode(), t.typeLabel(), "LN");
    }

    private static void observations(List<Er7Segment> segments, DocumentTransmission t, boolean mdm) {
        String base64 = Base64.getEncoder().encodeToString(t.cda());
        segments.add(new Er7Segment("OBX").field(1, "1").field(2, "ED").field(3, t.typeCode(), t.typeLabel(), "LN")
                .field(5, null, mdm ? "text" : "TEXT", "XML", "Base64", base64).field(11, t.action().resultStatus()));
        for (Participant p : t.participants()) {
            segments.add(prt(p));
        }
        int n = 2;
        for (Map.Entry<String, Boolean> flag : t.metadata().values().entrySet()) {
            segments.add(new Er7Segment("OBX").field(1, Integer.toString(n++)).field(2, mdm ? "CWE" : "CE")
                    .field(3, flag.getKey(), DocumentMetadata.LABELS.get(flag.getKey()), DocumentMetadata.CODE_SYSTEM)
                    .field(5, flag.getValue() ? "Y" : "N", null, "expandedYes-NoIndicator").field(11, "F"));
        }
    }

    private static Er7Segment prt(Participant p) {
        Er7Segment prt = new Er7Segment("PRT").field(2, "UC").field(4, p.role(), null, "participation");
        if (p.personId() != null) {
            prt.field(5, p.personId(), p.family(), p.given(), null, null, null, null, null,
                    Er7Segment.sub(p.personAuthorityName(), p.personAuthority(), "ISO"), "D", null, null,
                    p.personIdType());
        }
        if (p.organisationId() != null) {
            prt.field(8, p.organisationName(), null, null, null, null,
                    Er7Segment.sub("ASIP-SANTE-ST", "1.2.250.1.71.4.2.2", "ISO"), p.organisationIdType(), null, null,
                    p.organisationId());
        }
        if (p.deviceId() != null) {
            prt.field(10, p.deviceId());
        }
        if (p.email() != null) {
            prt.field(15, null, null, "X.400", p.email());
        }
        return prt;
    }

    /** TXA-12/13: {@code root} alone, or {@code extension^^root^ISO}. */
    static String[] entityId(String uid) {
        int caret = uid.indexOf('^');
        if (caret < 0) {
            return new String[] {uid};
        }
        return new String[] {uid.substring(caret + 1), null, uid.substring(0, caret), "ISO"};
    }

    static String ts(Instant instant) {
        return TS.format(instant.atZone(PARIS));
    }

    private static String checked(List<Er7Segment> segments) {
        StringBuilder b = new StringBuilder();
        for (Er7Segment s : segments) {
            b.append(s).append('\r');
        }
        String text = b.toString();
        try {
            Message parsed = Hl7Context.get().parse(text);
            return Hl7Context.get().encode(parsed);
        } catch (HL7Exception e) {
            throw new IllegalStateException("Message HL7 mal formé : " + e.getMessage(), e);
        }
    }
}
