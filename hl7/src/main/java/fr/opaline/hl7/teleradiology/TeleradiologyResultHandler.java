package fr.opaline.hl7.teleradiology;

import ca.uhn.hl7v2.model.Segment;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.hl7.inbound.InboundHandler;
import fr.opaline.hl7.inbound.InboundMessage;
import fr.opaline.hl7.inbound.InboundOutcome;
import fr.opaline.hl7.lps.InsMatch;
import fr.opaline.hl7.lps.ReceivedDocumentMessage;
import fr.opaline.hl7.lps.ReceivedDocuments;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.MshHeader;
import fr.opaline.hl7.message.ReceivedPid;
import fr.opaline.hl7.message.Segments;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ORU^R01 from a teleradiology platform (MSH-3 of a peer declared on the teleradiology channel): with a CDA (the CR
 * written by the remote radiologist, N1 or N3) it is integrated unchanged (provenance
 * TELERADIOLOGY) as a new document, a replacement or a deletion (ORC-1 NW/RO/CA), then handed to
 * the DMP feeding after the configured delay (RIS.TLR/INT.01/02); without a CDA it is the answer
 * to a request (flux 3, ORC-1 OK accepted / OC refused), recorded in the audit trail. The patient
 * is the one with the exactly matching qualified INS, else the one named by our IPP in PID-3.
 */
public final class TeleradiologyResultHandler implements InboundHandler {

    public static final String AUDIT_ACTION = "TELERADIOLOGY_RECEIVED";

    private final Database database;
    private final ReceivedDocuments documents;
    private final ReceivedDocumentFeed dmpFeed;
    private final AuditTrail audit;
    private final Predicate<String> platform;
    private final Duration dmpDelay;
    private final String ippIssuer;
    private final Clock clock;
    private final CdaReader reader = new CdaReader();

    public TeleradiologyResultHandler(Database database, ReceivedDocuments documents, ReceivedDocumentFeed dmpFeed,
                                      AuditTrail audit, Predicate<String> platform, Duration dmpDelay, String ippIssuer,
                                      Clock clock) {
        this.database = database;
        this.documents = documents;
        this.dmpFeed = dmpFeed;
        this.audit = audit;
        this.platform = platform;
        this.dmpDelay = dmpDelay;
        this.ippIssuer = ippIssuer;
        this.clock = clock;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("ORU");
    }

    @Override
    public boolean handles(MshHeader header) {
        return header.messageType().equals("ORU") && header.triggerEvent().equals("R01")
                && platform.test(header.sendingApplication());
    }

    @Override
    public InboundOutcome handle(InboundMessage m) {
        Actor actor = Actor.system("teleradiologie:" + m.header().sendingApplication());
        boolean hasDocument = Segments.named(m.message(), "OBX").stream()
                .anyMatch(obx -> "ED".equals(Segments.get(obx, 2, 1)) && "XML".equalsIgnoreCase(Segments.get(obx, 5, 3)));
        if (!hasDocument) {
            return answerToRequest(m, actor);
        }
        ReceivedDocumentMessage.WithCda read = ReceivedDocumentMessage.readWithCda(m.header(), m.message(), reader);
        if (read.error() != null) {
            return InboundOutcome.error(null, read.error());
        }
        ReceivedDocumentMessage received = read.message();
        CdaHeader cda = read.cda();
        return database.inTransaction(ctx -> {
            Patient patient;
            InsMatch.Result match = InsMatch.match(ctx, received.pid(), cda);
            if (match.patient() != null) {
                patient = match.patient();
            } else {
                patient = byIpp(ctx, received.pid()).orElse(null);
                if (patient == null) {
                    return InboundOutcome.error(null, match.error());
                }
            }
            ReceivedDocuments.Result result = documents.apply(ctx, received.action(), patient.id(), cda, received.cda(),
                    received.replacedUid(), received.metadata().invisibleToPatient(),
                    received.metadata().invisibleToLegalRepresentatives(), Provenance.TELERADIOLOGY);
            if (result.error() != null) {
                return InboundOutcome.error(patient.id(), result.error());
            }
            dmpFeed.feed(ctx, result.document(), received.action(), clock.instant().plus(dmpDelay), actor);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_ACTION, patient.id())
                    .on("clinical_document", result.document().id())
                    .withDetail("CR de téléradiologie " + received.action() + " " + cda.id().asUid()));
            return InboundOutcome.accepted(patient.id(), "CR de téléradiologie " + received.action());
        });
    }

    private Optional<Patient> byIpp(org.jooq.DSLContext ctx, ReceivedPid pid) {
        return pid.identifiers().stream().filter(id -> ippIssuer.equals(id.authority()))
                .map(id -> new PatientRepository(ctx).findByIpp(ippIssuer, id.value())).flatMap(Optional::stream)
                .findFirst();
    }

    private InboundOutcome answerToRequest(InboundMessage m, Actor actor) {
        Segment orc = Segments.named(m.message(), "ORC").stream().findFirst().orElse(null);
        String decision = orc == null ? null : Segments.get(orc, 1, 1);
        if (!"OK".equals(decision) && !"OC".equals(decision)) {
            return InboundOutcome.error(null, Hl7Error.of(Hl7Error.TABLE_VALUE_NOT_FOUND,
                    "ORC-1 attendu : OK (demande acceptée) ou OC (refusée)").at("ORC", 1, 1));
        }
        String order = Segments.get(orc, 2, 1);
        Optional<Patient> patient = database.inTransaction(ctx -> {
            Optional<Patient> p = Segments.named(m.message(), "PID").stream().findFirst()
                    .flatMap(pid -> byIpp(ctx, ReceivedPid.read(pid)));
            audit.record(ctx, AuditEntry.of(actor, AUDIT_ACTION, p.map(Patient::id).orElse(null)).on("order", order)
                    .withDetail("OK".equals(decision) ? "Demande acceptée par le téléradiologue"
                            : "Demande refusée par le téléradiologue"));
            return p;
        });
        return InboundOutcome.accepted(patient.map(Patient::id).orElse(null),
                ("OK".equals(decision) ? "Demande acceptée" : "Demande refusée") + " : " + order);
    }
}
