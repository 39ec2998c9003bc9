package fr.opaline.hl7.transmission;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.documents.cda.CdaIdentifiers;
import fr.opaline.documents.report.ReportDataLoader;
import fr.opaline.documents.report.ReportDocumentData;
import fr.opaline.documents.report.ReportDocumentsPublisher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The transmission of one CR version: the CDA N3 stored at validation (the document shared with
 * the DMP), the patient, the radiologist who signed as sender (IDNPS) with the practice's
 * structure identifier (FINESS géographique, else IDNST) — the identification data a PFI needs
 * for the VIHF token (SC.DMP/CONF.12) — and the metadata flags.
 */
public final class ReportTransmissions {

    public static final String CR_TYPE_CODE = "18748-4";
    public static final String CR_TYPE_LABEL = "CR d'imagerie médicale";

    private final ReportDataLoader loader;
    private final Clock clock;

    public ReportTransmissions(ReportDataLoader loader, Clock clock) {
        this.loader = loader;
        this.clock = clock;
    }

    /**
     * @param toDmp         DESTDMP: whether the receiver is asked to feed the DMP
     * @param recipients    MSSanté recipients (RCT), possibly none
     */
    public DocumentTransmission build(DSLContext ctx, UUID reportVersionId, DocumentAction action, boolean toDmp,
                                      List<Participant> recipients) {
        return build(ctx, loader.load(ctx, reportVersionId, clock.instant()), action, toDmp, recipients);
    }

    /**
     * For a PFI: DESTDMP is Y when the CR goes to the DMP (qualified INS, no opposition) and Opaline
     * does not feed the DMP itself, so the PFI feeds it; no MSSanté recipient.
     */
    public DocumentTransmission buildForPfi(DSLContext ctx, UUID reportVersionId, DocumentAction action,
                                            boolean dmpFedByOpaline) {
        ReportDocumentData d = loader.load(ctx, reportVersionId, clock.instant());
        return build(ctx, d, action, !dmpFedByOpaline && DmpEligibility.fedToDmp(ctx, d.patient().id(), d.order().id()),
                List.of());
    }

    private DocumentTransmission build(DSLContext ctx, ReportDocumentData d, DocumentAction action, boolean toDmp,
                                       List<Participant> recipients) {
        ReportVersion v = d.version();
        ClinicalDocument n3 = new DocumentRepository(ctx).findByDocumentUid(v.documentUid())
                .filter(doc -> ReportDocumentsPublisher.MIME_CDA.equals(doc.mimeType()))
                .orElseThrow(() -> new IllegalStateException("CDA du compte rendu " + v.documentUid() + " introuvable"));
        var practice = d.practice();
        String orgType;
        String orgId;
        if (practice.finess() != null && !practice.finess().isBlank()) {
            orgType = "FINEG";
            orgId = practice.finess();
        } else {
            orgType = "IDNST";
            orgId = CdaIdentifiers.idnst(practice);
        }
        var signer = d.signer();
        String idnps = CdaIdentifiers.idnps(signer);
        String[] name = splitName(signer.displayName());
        List<Participant> participants = new ArrayList<>();
        participants.add(Participant.sender(idnps, name[1], name[0], practice.name(), orgType, orgId));
        boolean mssPatient = false;
        for (Participant r : recipients) {
            participants.add(r);
            mssPatient |= r.email() != null && r.email().endsWith("@patient.mssante.fr");
        }
        DocumentMetadata metadata = new DocumentMetadata(false, v.invisibleToPatient(), false, false, false, toDmp,
                recipients.stream().anyMatch(r -> r.email() != null && !r.email().endsWith("@patient.mssante.fr")),
                mssPatient, false, false);
        return new DocumentTransmission(action, d.patient(), n3.content(), v.documentUid(), v.replacesDocumentUid(),
                CR_TYPE_CODE, CR_TYPE_LABEL, d.signedAt(), idnps, participants, metadata, practice.ippNamespace());
    }

    /** "Dr Claire Lambert" → {"Claire", "Lambert"}: given, family. */
    static String[] splitName(String displayName) {
        String s = displayName == null ? "" : displayName.trim().replaceFirst("^(Dr|Pr)\\.?\\s+", "");
        int space = s.lastIndexOf(' ');
        return space < 0 ? new String[] {"", s} : new String[] {s.substring(0, space), s.substring(space + 1)};
    }
}
