package fr.opaline.hl7.lps;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.transmission.DocumentAction;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Integrates a received CDA into {@code clinical_document} unchanged (the bytes as received):
 * a new document; a replacement, which supersedes the version named in TXA-13 / relatedDocument
 * (kept visible); a deletion of the version held. A replacement or deletion of a version that is
 * not the one in force is error 900. Idempotent: a document already integrated is accepted again.
 */
public final class ReceivedDocuments {

    private final IdGenerator ids;
    private final Clock clock;

    public ReceivedDocuments(IdGenerator ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    /** The document written (or already there), or the error to acknowledge with. */
    public record Result(ClinicalDocument document, Hl7Error error) {
    }

    public Result apply(DSLContext ctx, DocumentAction action, UUID patientId, CdaHeader cda, byte[] content,
                        String replacedUid, boolean invisibleToPatient, boolean hiddenFromLegalReps,
                        Provenance provenance) {
        DocumentRepository documents = new DocumentRepository(ctx);
        String uid = cda.id().asUid();
        Optional<ClinicalDocument> held = documents.findByDocumentUid(uid);
        if (action == DocumentAction.DELETE) {
            if (held.isEmpty() || !held.get().patientId().equals(patientId)) {
                return error900("Document à supprimer inconnu : " + uid);
            }
            if (held.get().status() == DocumentStatus.SUPERSEDED) {
                return error900("Le document à supprimer n'est pas la version la plus récente : " + uid);
            }
            documents.updateStatus(held.get().id(), DocumentStatus.DELETED);
            return new Result(held.get(), null);
        }
        if (held.isPresent()) {
            return new Result(held.get(), null);
        }
        if (action == DocumentAction.REPLACE) {
            String parent = replacedUid != null ? replacedUid : cda.replacedDocumentId();
            Optional<ClinicalDocument> previous = parent == null ? Optional.empty() : documents.findByDocumentUid(parent);
            if (previous.isEmpty() || previous.get().status() != DocumentStatus.CURRENT
                    || !previous.get().patientId().equals(patientId)) {
                return error900("Le document remplacé (" + parent + ") n'est pas la version la plus récente détenue");
            }
            documents.updateStatus(previous.get().id(), DocumentStatus.SUPERSEDED);
        }
        String author = cda.author() == null ? null
                : (nullToEmpty(cda.author().given()) + " " + nullToEmpty(cda.author().family())).trim();
        String rpps = null;
        if (cda.author() != null && cda.author().id() != null && cda.author().id().extension() != null) {
            String id = cda.author().id().extension();
            rpps = id.length() == 12 && id.startsWith("8") ? id.substring(1) : id.length() == 11 ? id : null;
        }
        Instant effective = cda.effectiveTime() != null ? cda.effectiveTime() : clock.instant();
        ClinicalDocument doc = new ClinicalDocument(ids.newId(), patientId, uid,
                cda.setId() != null ? cda.setId().asUid() : uid, Math.max(1, cda.versionNumber()),
                cda.code() == null ? "" : cda.code().code(), cda.title() == null ? "Document" : cda.title(), effective,
                author, rpps, provenance, DocumentStatus.CURRENT, invisibleToPatient, hiddenFromLegalReps, "text/xml",
                content, null, clock.instant());
        documents.insertIfAbsent(doc);
        return new Result(doc, null);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Result error900(String detail) {
        return new Result(null, Hl7Error.application("900",
                "Version du document incorrecte lors d'une demande de remplacement/suppression", InsMatch.CODE_SYSTEM)
                .at("TXA", 1, 13));
    }
}
