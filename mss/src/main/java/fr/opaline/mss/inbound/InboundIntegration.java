package fr.opaline.mss.inbound;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.cda.CdaReadException;
import fr.opaline.documents.cda.CdaReader;
import fr.opaline.documents.received.DocumentIntegration;
import fr.opaline.documents.xdm.XdmReader;
import fr.opaline.mss.trace.MssTrace;
import fr.opaline.mss.trace.TraceStep;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * What happens to a CDA received on the BAL applicative or imported from an IHE_XDM.zip: integrated
 * at once when its qualified INS matches exactly ({@link QualifiedInsMatch}); otherwise put in the
 * integration worklist with the identity the CDA gives, where a user attaches it to a patient or
 * rejects it. A replacement supersedes the previous version and a deletion marks it deleted, both
 * kept visible ({@link DocumentIntegration}, shared with the HL7 MDM channel). Every step is traced.
 */
public final class InboundIntegration {

    public static final String AUDIT_INTEGRATED = "MSS_DOCUMENT_INTEGRATED";

    private final Database database;
    private final DocumentIntegration documents;
    private final MssTrace trace;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final CdaReader reader = new CdaReader();
    private final fr.opaline.core.outbox.Outbox outbox;
    private final List<Runnable> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();

    public InboundIntegration(Database database, MssTrace trace, AuditTrail audit, IdGenerator ids, Clock clock) {
        this(database, trace, audit, ids, clock, null);
    }

    /**
     * @param outbox where a user's rejection of a document received by MSSanté queues the MDN
     *               telling its sender; null: no MDN (a process without MSSanté sending)
     */
    public InboundIntegration(Database database, MssTrace trace, AuditTrail audit, IdGenerator ids, Clock clock,
                              fr.opaline.core.outbox.Outbox outbox) {
        this.outbox = outbox;
        this.database = database;
        this.documents = new DocumentIntegration(ids, clock);
        this.trace = trace;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Receives one CDA, in the caller's transaction; the row says what became of it. */
    public InboundDocument receive(DSLContext ctx, UUID receivedMessageId, String source, byte[] cda, boolean deletionAsked,
                                   MssTrace.At at, Actor actor) {
        CdaHeader header;
        try {
            header = reader.read(cda).header();
        } catch (CdaReadException | IllegalArgumentException e) {
            trace.record(ctx, TraceStep.REJECTED, at, actor, "CDA illisible : " + e.getMessage());
            InboundDocument rejected = new InboundDocument(ids.newId(), receivedMessageId, source,
                    DocumentIntegration.Action.NEW, "?", null, null, null, null, null, null, null, null, null, null, null, null,
                    InboundStatus.REJETE, "CDA", "CDA illisible : " + e.getMessage(), null, null, cda, clock.instant(),
                    actor.login(), clock.instant());
            new InboundDocuments(ctx).insert(rejected);
            return rejected;
        }
        DocumentIntegration.Action action = deletionAsked ? DocumentIntegration.Action.DELETE
                : header.replacedDocumentId() != null ? DocumentIntegration.Action.REPLACE : DocumentIntegration.Action.NEW;
        String uid = header.id().asUid();
        MssTrace.At here = at.document(uid, null);
        QualifiedInsMatch.Result match = QualifiedInsMatch.match(ctx, header);
        CdaHeader.PatientName name = header.patientName();
        CdaHeader.InstanceId ins = header.ins();
        InboundDocument row = new InboundDocument(ids.newId(), receivedMessageId, source, action, uid,
                header.replacedDocumentId(), header.code() == null ? null : header.code().code(), header.title(),
                header.effectiveTime(),
                header.author() == null ? null : ((header.author().given() == null ? "" : header.author().given()) + " "
                        + (header.author().family() == null ? "" : header.author().family())).trim(),
                ins == null ? null : ins.extension(), ins == null ? null : ins.root(),
                name == null ? null : name.birthName(), name == null ? null : name.birthGivenNames(),
                name == null ? null : name.usedName(), QualifiedInsMatch.birthDate(header).orElse(null), header.gender(),
                InboundStatus.A_TRAITER, match.code(), match.reason(), null, null, cda, clock.instant(), null, null);
        new InboundDocuments(ctx).insert(row);
        if (match.patient() == null) {
            trace.record(ctx, TraceStep.WORKLISTED, here, actor, match.code() + " " + match.reason());
            return row;
        }
        return integrate(ctx, row, header, match.patient(), here, actor);
    }

    /**
     * Manual import of an IHE_XDM.zip (a CR received by another way): read by the hardened
     * {@link XdmReader} (refused as a whole, nothing kept, when hostile), then each CDA received
     * like one from the BAL applicative.
     *
     * @throws fr.opaline.documents.xdm.XdmException when the archive is refused
     */
    public List<InboundDocument> importXdm(byte[] zip, String fileName, Actor actor) {
        List<XdmReader.Document> cdas = new XdmReader().read(zip).cdaDocuments();
        MssTrace.At at = new MssTrace.At(null, null, null, null);
        List<InboundDocument> received = database.inTransaction(ctx -> {
            trace.record(ctx, TraceStep.MANUAL_IMPORT, at, actor, fileName + " : " + cdas.size() + " document(s) CDA");
            List<InboundDocument> results = new java.util.ArrayList<>();
            for (XdmReader.Document d : cdas) {
                results.add(receive(ctx, null, InboundDocument.SOURCE_MANUAL, d.content(), d.deletionRequested(), at, actor));
            }
            return results;
        });
        if (received.stream().anyMatch(d -> d.status() == InboundStatus.A_TRAITER)) {
            announceArrivals();
        }
        return received;
    }

    /**
     * Called after the transaction that put documents in the worklist committed (BAL poll, manual
     * import): the practice server tells the desktops (MSS/UX.39-40).
     */
    public void onArrival(Runnable listener) {
        arrivals.add(listener);
    }

    /** Tells the listeners that documents now wait in the worklist. */
    public void announceArrivals() {
        for (Runnable listener : arrivals) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(InboundIntegration.class).warn("annonce des documents reçus : {}",
                        e.toString());
            }
        }
    }

    /** How many documents wait for a user (the sidebar's badge). */
    public int waitingCount() {
        return new InboundDocuments(database.dsl()).countWithStatus(InboundStatus.A_TRAITER);
    }

    /** The worklist: documents waiting for a user to choose their patient. */
    public List<InboundDocument> worklist(int limit) {
        return new InboundDocuments(database.dsl()).withStatus(InboundStatus.A_TRAITER, limit);
    }

    /** A user attaches a worklist document to the patient they found. */
    public InboundDocument attach(UUID inboundId, UUID patientId, Actor actor) {
        return database.inTransaction(ctx -> {
            InboundDocument row = waiting(ctx, inboundId);
            Patient patient = new PatientRepository(ctx).findById(patientId)
                    .orElseThrow(() -> new IllegalArgumentException("Patient inconnu : " + patientId));
            CdaHeader header = reader.read(row.cda()).header();
            return integrate(ctx, row, header, patient, new MssTrace.At(null, null, row.documentUid(), patientId), actor);
        });
    }

    /** A user rejects a worklist document (wrong recipient, not for this practice…). */
    public InboundDocument reject(UUID inboundId, String reason, Actor actor) {
        return database.inTransaction(ctx -> {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("Motif du rejet obligatoire : il est donné à l'expéditeur.");
            }
            InboundDocument row = waiting(ctx, inboundId);
            String why = reason.strip();
            new InboundDocuments(ctx).handled(row.id(), InboundStatus.REJETE, null, null, why, actor.login(), clock.instant());
            MssTrace.At at = new MssTrace.At(null, null, row.documentUid(), null);
            trace.record(ctx, TraceStep.REJECTED, at, actor, why);
            if (outbox != null && row.receivedMessageId() != null) {
                // The sender learns the document was not integrated (negative MDN, RFC 8098), through the outbox.
                outbox.enqueue(ctx, new MdnJob(row.receivedMessageId(), "Document « " + row.title() + " » rejeté : " + why,
                        row.id()).request(null), actor);
                trace.record(ctx, TraceStep.MDN_QUEUED, at, actor, why);
            }
            return new InboundDocuments(ctx).find(row.id()).orElseThrow();
        });
    }

    private static InboundDocument waiting(DSLContext ctx, UUID id) {
        InboundDocument row = new InboundDocuments(ctx).lock(id)
                .orElseThrow(() -> new IllegalArgumentException("Document reçu inconnu : " + id));
        if (row.status() != InboundStatus.A_TRAITER) {
            throw new IllegalStateException("Ce document n'est plus en attente (" + row.status().label() + ").");
        }
        return row;
    }

    private InboundDocument integrate(DSLContext ctx, InboundDocument row, CdaHeader header, Patient patient, MssTrace.At at,
                                      Actor actor) {
        MssTrace.At here = at.document(row.documentUid(), patient.id());
        DocumentIntegration.Result result = documents.apply(ctx, row.action(), patient.id(), header, row.cda(),
                row.replacesDocumentUid(), false, false, Provenance.MSSANTE);
        InboundDocuments rows = new InboundDocuments(ctx);
        if (result.versionError() != null) {
            rows.handled(row.id(), InboundStatus.REJETE, patient.id(), null, result.versionError(), actor.login(),
                    clock.instant());
            trace.record(ctx, TraceStep.REJECTED, here, actor, result.versionError());
            return rows.find(row.id()).orElseThrow();
        }
        rows.handled(row.id(), InboundStatus.INTEGRE, patient.id(), result.document().id(), null, actor.login(), clock.instant());
        TraceStep step = switch (row.action()) {
            case NEW -> TraceStep.INTEGRATED;
            case REPLACE -> TraceStep.REPLACED;
            case DELETE -> TraceStep.DELETED;
        };
        trace.record(ctx, step, here, actor, header.title() + " (" + row.action() + ")");
        audit.record(ctx, AuditEntry.of(actor, AUDIT_INTEGRATED, patient.id()).on("clinical_document", result.document().id())
                .withDetail("MSSanté " + row.action() + " " + row.documentUid()));
        return rows.find(row.id()).orElseThrow();
    }
}
