package fr.opaline.hl7.lps;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.persistence.Database;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.hl7.inbound.InboundHandler;
import fr.opaline.hl7.inbound.InboundMessage;
import fr.opaline.hl7.inbound.InboundOutcome;
import fr.opaline.hl7.message.MshHeader;
import java.util.Set;

/**
 * "Transmission au LPS de documents CDA provenant d'un courriel MSSanté" (CI-SIS, MDM v2.6,
 * profile CISIS_CDA_HL7_LPS): the PFI hands over a CDA received by MSSanté; Opaline integrates it
 * (T02), replaces the previous version (T10) or deletes it (T04) — only when the qualified INS
 * matches exactly, else the error acknowledgement of the specification (902–905, 900).
 */
public final class MssanteDocumentHandler implements InboundHandler {

    public static final String AUDIT_ACTION = "DOCUMENT_RECEIVED";

    private final Database database;
    private final ReceivedDocuments documents;
    private final AuditTrail audit;
    private final CdaReader reader = new CdaReader();

    public MssanteDocumentHandler(Database database, ReceivedDocuments documents, AuditTrail audit) {
        this.database = database;
        this.documents = documents;
        this.audit = audit;
    }

    @Override
    public Set<String> messageTypes() {
        return Set.of("MDM");
    }

    @Override
    public boolean handles(MshHeader header) {
        return header.messageType().equals("MDM") && Set.of("T02", "T10", "T04").contains(header.triggerEvent());
    }

    @Override
    public InboundOutcome handle(InboundMessage m) {
        ReceivedDocumentMessage.WithCda read = ReceivedDocumentMessage.readWithCda(m.header(), m.message(), reader);
        if (read.error() != null) {
            return InboundOutcome.error(null, read.error());
        }
        ReceivedDocumentMessage received = read.message();
        CdaHeader cda = read.cda();
        return database.inTransaction(ctx -> {
            InsMatch.Result match = InsMatch.match(ctx, received.pid(), cda);
            if (match.error() != null) {
                return InboundOutcome.error(null, match.error());
            }
            ReceivedDocuments.Result result = documents.apply(ctx, received.action(), match.patient().id(), cda,
                    received.cda(), received.replacedUid(), received.metadata().invisibleToPatient(),
                    received.metadata().invisibleToLegalRepresentatives(), Provenance.MSSANTE);
            if (result.error() != null) {
                return InboundOutcome.error(match.patient().id(), result.error());
            }
            audit.record(ctx, AuditEntry.of(Actor.system("hl7:" + m.header().sendingApplication()), AUDIT_ACTION,
                    match.patient().id()).on("clinical_document", result.document().id())
                    .withDetail("MSSanté via PFI, " + received.action() + " " + cda.id().asUid()));
            return InboundOutcome.accepted(match.patient().id(), received.action() + " " + cda.id().asUid());
        });
    }
}
