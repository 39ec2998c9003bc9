package fr.opaline.hl7.teleradiology;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.practice.PracticeProfile;
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
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * ORM^O01 (HL7 v2.5.1, profile CISIS_TLR_HL7_V2) of the CI-SIS teleradiology volet: flux 1, the
 * exam request sent to the platform (ORC-1 NW) with the patient's INS when the identity is
 * qualifiée, the prescriber, the practice, the indication, the modality and the anatomical region;
 * flux 2, its cancellation (ORC-1 CA).
 */
public final class TeleradiologyOrders {

    public static final String PROFILE = "CISIS_TLR_HL7_V2";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TeleradiologyOrders() {
    }

    public static String orm(DSLContext ctx, UUID orderId, boolean cancel, PracticeProfile practice,
                             MessageRouting routing, String controlId, Instant now) {
        OrderRepository orders = new OrderRepository(ctx);
        ImagingOrder order = orders.findOrder(orderId).orElseThrow(() -> new IllegalArgumentException("Demande inconnue"));
        Patient patient = new PatientRepository(ctx).findById(order.patientId()).orElseThrow();
        List<RequestedProcedure> procedures = orders.proceduresOf(orderId);
        ExamType exam = procedures.isEmpty() ? null
                : new CatalogueRepository(ctx).examType(procedures.get(0).examTypeId()).orElse(null);
        String placerRoot = practice.uidRoot().value() + ".5";
        List<Er7Segment> s = new ArrayList<>();
        s.add(new Er7Segment("MSH").field(3, routing.sendingApplication()).field(4, routing.sendingFacility())
                .field(5, routing.receivingApplication()).field(6, routing.receivingFacility())
                .field(7, TS.format(now.atZone(PARIS))).field(9, "ORM", "O01", "ORM_O01").field(10, controlId)
                .field(11, routing.processingId()).field(12, "2.5.1").field(17, "FRA")
                .field(18, Hl7Charsets.msh18(routing.charset())).field(21, "1.0", PROFILE));
        s.add(PatientSegments.pid(patient, practice.ippNamespace()));
        s.add(new Er7Segment("PV1").field(2, "O"));
        String[] placer = {order.placerOrderNumber(), null, placerRoot, "ISO"};
        String[] prescriber = order.referringPhysicianRpps() == null ? new String[] {null, order.referringPhysicianName()}
                : new String[] {"8" + order.referringPhysicianRpps(), order.referringPhysicianName(), null, null, null,
                        null, null, null, Er7Segment.sub("ASIP-SANTE-PS", "1.2.250.1.71.4.2.1", "ISO"), "D", null, null,
                        "IDNPS"};
        Er7Segment orc = new Er7Segment("ORC").field(1, cancel ? "CA" : "NW").field(2, placer)
                .field(9, TS.format(now.atZone(PARIS))).field(12, prescriber)
                .field(18, "STRUCTURE_IMAGERIE", null, "TLR_TYPE_ORGANISATION");
        if (practice.finess() != null) {
            orc.field(21, practice.name(), null, null, null, null,
                    Er7Segment.sub("ASIP-SANTE-ST", "1.2.250.1.71.4.2.2", "ISO"), "FINEG", null, null, practice.finess());
        }
        s.add(orc);
        Er7Segment obr = new Er7Segment("OBR").field(2, placer).field(4,
                cancel ? "ANNULATION_DEMANDE" : "TRANSMISSION_DEMANDE",
                cancel ? "Annulation d'une demande d'examen" : "Transmission d'une demande d'examen d'imagerie",
                "TLR_OBR_PROCEDURE").field(16, prescriber);
        if (!cancel && order.clinicalIndication() != null) {
            obr.field(13, order.clinicalIndication());
        }
        s.add(obr);
        if (!cancel && exam != null) {
            s.add(new Er7Segment("OBX").field(1, "1").field(2, "CE").field(3, "MODALITE_IMAGERIE",
                    "Modalité d'imagerie utilisée ou prévue pour réaliser l'examen", "TLR_OBSERVATION")
                    .field(5, exam.modality().name(), exam.modality().label(), "DCM").field(11, "O"));
            if (exam.anatomicalRegionCode() != null) {
                s.add(new Er7Segment("OBX").field(1, "2").field(2, "CE").field(3, "REGION_ANATOMIQUE",
                        "Localisation anatomique examinée dans le cadre de l'examen d'imagerie", "TLR_OBSERVATION")
                        .field(4, "1.1").field(5, exam.anatomicalRegionCode(), exam.anatomicalRegionLabel(), "SCT")
                        .field(11, "O"));
            }
        }
        StringBuilder b = new StringBuilder();
        s.forEach(seg -> b.append(seg).append('\r'));
        try {
            return Hl7Context.get().encode(Hl7Context.get().parse(b.toString()));
        } catch (ca.uhn.hl7v2.HL7Exception e) {
            throw new IllegalStateException("Message ORM mal formé : " + e.getMessage(), e);
        }
    }
}
