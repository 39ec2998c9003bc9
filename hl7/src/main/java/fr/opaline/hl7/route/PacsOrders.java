package fr.opaline.hl7.route;

import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.hl7.message.Er7Segment;
import fr.opaline.hl7.message.Hl7Charsets;
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
 * ORM^O01 (HL7 v2.5.1) telling a PACS of an exam booked (ORC-1 NW), moved (XO) or cancelled (CA),
 * shaped as the order messages of IHE Radiology Scheduled Workflow: ORC-2/OBR-2 placer order
 * number, ORC-3/OBR-3 filler order number and OBR-18 accession number, ORC-5 order status (SC
 * scheduled, CA cancelled), OBR-4 the exam of the catalogue, OBR-19 requested procedure id, OBR-20
 * scheduled procedure step id, OBR-24 modality, OBR-27 and ORC-7 the scheduled start, ZDS-1 the
 * Study Instance UID. The teleradiology ORM (CI-SIS TLR profile) does not fit a PACS: its OBR-4
 * names the teleradiology flow, not the exam, and it has no schedule (decision 0331).
 */
public final class PacsOrders {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private PacsOrders() {
    }

    /** @param control NW, XO or CA */
    public static String orm(DSLContext ctx, UUID orderId, String control, PracticeProfile practice,
                             MessageRouting routing, String controlId, Instant now) {
        OrderRepository orders = new OrderRepository(ctx);
        ImagingOrder order = orders.findOrder(orderId).orElseThrow(() -> new IllegalArgumentException("Demande inconnue"));
        Patient patient = new PatientRepository(ctx).findById(order.patientId()).orElseThrow();
        List<RequestedProcedure> procedures = orders.proceduresOf(orderId);
        List<ScheduledProcedureStep> steps = orders.stepsOfOrder(orderId);
        RequestedProcedure procedure = procedures.isEmpty() ? null : procedures.get(0);
        ScheduledProcedureStep step = steps.isEmpty() ? null : steps.get(0);
        ExamType exam = procedure == null ? null
                : new CatalogueRepository(ctx).examType(procedure.examTypeId()).orElse(null);
        String ts = TS.format(now.atZone(PARIS));
        String start = step == null || step.scheduledStart() == null ? null : TS.format(step.scheduledStart().atZone(PARIS));
        String namespace = practice.uidRoot().value();
        String[] placer = {order.placerOrderNumber(), null, namespace + ".5", "ISO"};
        String[] filler = {order.accessionNumber(), null, namespace + ".6", "ISO"};
        String[] prescriber = order.referringPhysicianRpps() == null
                ? new String[] {null, order.referringPhysicianName()}
                : new String[] {"8" + order.referringPhysicianRpps(), order.referringPhysicianName(), null, null, null,
                        null, null, null, Er7Segment.sub("ASIP-SANTE-PS", "1.2.250.1.71.4.2.1", "ISO"), "D", null, null,
                        "RPPS"};
        List<Er7Segment> s = new ArrayList<>();
        s.add(new Er7Segment("MSH").field(3, routing.sendingApplication()).field(4, routing.sendingFacility())
                .field(5, routing.receivingApplication()).field(6, routing.receivingFacility()).field(7, ts)
                .field(9, "ORM", "O01", "ORM_O01").field(10, controlId).field(11, routing.processingId())
                .field(12, "2.5.1").field(17, "FRA").field(18, Hl7Charsets.msh18(routing.charset())));
        s.add(PatientSegments.pid(patient, practice.ippNamespace()));
        s.add(new Er7Segment("PV1").field(1, "1").field(2, "O"));
        Er7Segment orc = new Er7Segment("ORC").field(1, control).field(2, placer).field(3, filler)
                .field(5, control.equals("CA") ? "CA" : "SC").field(9, ts).field(12, prescriber);
        if (start != null) {
            orc.field(7, null, null, null, start);
        }
        s.add(orc);
        Er7Segment obr = new Er7Segment("OBR").field(1, "1").field(2, placer).field(3, filler)
                .field(16, prescriber).field(18, order.accessionNumber());
        if (exam != null) {
            obr.field(4, exam.code(), exam.label(), "L");
            obr.field(24, exam.modality().name());
        } else if (procedure != null) {
            obr.field(4, procedure.procedureId(), procedure.description(), "L");
        }
        if (order.clinicalIndication() != null) {
            obr.field(13, order.clinicalIndication());
        }
        if (procedure != null) {
            obr.field(19, procedure.procedureId());
        }
        if (step != null) {
            obr.field(20, step.stepId());
        }
        if (start != null) {
            obr.field(27, null, null, null, start);
        }
        s.add(obr);
        if (step != null && step.studyInstanceUid() != null) {
            s.add(new Er7Segment("ZDS").field(1, step.studyInstanceUid(), "100", "Application", "DICOM"));
        }
        return AdtMessages.checked(s, "ORM");
    }
}
