package fr.opaline.hl7.route;

import fr.opaline.core.patient.Patient;
import fr.opaline.hl7.message.Er7Segment;
import fr.opaline.hl7.message.Hl7Charsets;
import fr.opaline.hl7.message.Hl7Context;
import fr.opaline.hl7.message.PatientSegments;
import fr.opaline.hl7.transmission.MessageRouting;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity feed of IHE PAM (French extension), transaction ITI-30 "Patient Identity Feed", in
 * HL7 v2.5: ADT^A28^ADT_A05 when an identity is created, ADT^A31^ADT_A05 when it changes,
 * ADT^A40^ADT_A39 when one is merged into another (MRG-1 the merged IPP). Opaline manages
 * identities, not stays, so it sends the identity events, not A04/A08 (decision 0330). PID as
 * in every Opaline message (INS when qualifiée, IPP, traits, PID-32 status); PV1-2 N.
 */
public final class AdtMessages {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private AdtMessages() {
    }

    /** @param merged for A40 the identity merged into {@code patient}; else null */
    public static String adt(String event, Patient patient, Patient merged, String ippAuthorityName,
                             MessageRouting routing, String controlId, Instant now) {
        boolean merge = event.equals("A40");
        String ts = TS.format(now.atZone(PARIS));
        List<Er7Segment> s = new ArrayList<>();
        s.add(new Er7Segment("MSH").field(3, routing.sendingApplication()).field(4, routing.sendingFacility())
                .field(5, routing.receivingApplication()).field(6, routing.receivingFacility()).field(7, ts)
                .field(9, "ADT", event, merge ? "ADT_A39" : "ADT_A05").field(10, controlId)
                .field(11, routing.processingId()).field(12, "2.5").field(17, "FRA")
                .field(18, Hl7Charsets.msh18(routing.charset())));
        s.add(new Er7Segment("EVN").field(2, ts).field(6, ts));
        s.add(PatientSegments.pid(patient, ippAuthorityName));
        if (merge) {
            s.add(new Er7Segment("MRG").field(1, merged.ipp(), null, null,
                    Er7Segment.sub(ippAuthorityName == null ? "" : ippAuthorityName, merged.ippIssuer(), "ISO"), "PI"));
        } else {
            s.add(PatientSegments.pv1());
        }
        return checked(s, "ADT");
    }

    static String checked(List<Er7Segment> segments, String what) {
        StringBuilder b = new StringBuilder();
        segments.forEach(seg -> b.append(seg).append('\r'));
        try {
            return Hl7Context.get().encode(Hl7Context.get().parse(b.toString()));
        } catch (ca.uhn.hl7v2.HL7Exception e) {
            throw new IllegalStateException("Message " + what + " mal formé : " + e.getMessage(), e);
        }
    }
}
