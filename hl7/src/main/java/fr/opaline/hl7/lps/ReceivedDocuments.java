package fr.opaline.hl7.lps;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.documents.received.DocumentIntegration;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.transmission.DocumentAction;
import java.time.Clock;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Integrates a CDA received over HL7 ({@link DocumentIntegration}, shared with MSSanté): a
 * replacement or deletion of a version that is not the one in force is error 900 (TXA-13).
 */
public final class ReceivedDocuments {

    private final DocumentIntegration integration;

    public ReceivedDocuments(IdGenerator ids, Clock clock) {
        this.integration = new DocumentIntegration(ids, clock);
    }

    /** The document written (or already there), or the error to acknowledge with. */
    public record Result(ClinicalDocument document, Hl7Error error) {
    }

    public Result apply(DSLContext ctx, DocumentAction action, UUID patientId, CdaHeader cda, byte[] content,
                        String replacedUid, boolean invisibleToPatient, boolean hiddenFromLegalReps,
                        Provenance provenance) {
        DocumentIntegration.Action asked = switch (action) {
            case INITIAL -> DocumentIntegration.Action.NEW;
            case REPLACE -> DocumentIntegration.Action.REPLACE;
            case DELETE -> DocumentIntegration.Action.DELETE;
        };
        DocumentIntegration.Result r = integration.apply(ctx, asked, patientId, cda, content, replacedUid,
                invisibleToPatient, hiddenFromLegalReps, provenance);
        return r.versionError() != null ? error900(r.versionError()) : new Result(r.document(), null);
    }

    private static Result error900(String detail) {
        return new Result(null, Hl7Error.application("900",
                "Version du document incorrecte lors d'une demande de remplacement/suppression", InsMatch.CODE_SYSTEM)
                .at("TXA", 1, 13));
    }
}
