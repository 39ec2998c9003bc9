package fr.opaline.dmp.feeding;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.dmp.client.DmpClient;
import fr.opaline.dmp.client.DmpException;
import fr.opaline.dmp.vihf.VihfSubject;
import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsVocabulary;
import fr.opaline.documents.xds.XdsMetadata.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Executes {@link DmpJobTypes#VISIBILITY} jobs: brings the DMP's confidentiality codes of a document
 * the practice fed in line with the document's flags in Opaline (invisible to the patient, to the
 * legal representatives), by an ITI-57 metadata update in the author's name. Nothing is sent when
 * the DMP already says the same; an unreachable DMP means a retry.
 */
public final class DmpVisibilityHandler implements JobHandler {

    private final Database database;
    private final DmpClient client;

    public DmpVisibilityHandler(Database database, DmpClient client) {
        this.database = database;
        this.client = client;
    }

    @Override
    public String type() {
        return DmpJobTypes.VISIBILITY;
    }

    @Override
    public JobOutcome handle(OutboxJob job) {
        VisibilityPayload payload = VisibilityPayload.fromJson(job.payload());
        Optional<ClinicalDocument> found = new DocumentRepository(database.dsl()).findById(payload.documentId());
        if (found.isEmpty()) {
            return JobOutcome.failed("Document introuvable dans Opaline.");
        }
        ClinicalDocument doc = found.get();
        Patient patient = new PatientRepository(database.dsl()).findById(doc.patientId()).orElseThrow();
        if (patient.ins() == null) {
            return JobOutcome.failed("Le patient n'a pas d'INS : le document n'est pas dans son DMP.");
        }
        Optional<VihfSubject> author = FeedingContext.author(database.dsl(), doc, patient.ins());
        if (author.isEmpty()) {
            return JobOutcome.failed("L'auteur du document n'est pas identifié par son RPPS.");
        }
        try {
            Optional<XdsDocumentEntry> entry = client.lookup(author.get(), List.of(payload.documentUid())).entries().stream()
                    .filter(e -> e.uniqueId().equals(payload.documentUid())).findFirst();
            if (entry.isEmpty()) {
                return JobOutcome.failed("Le document n'est pas (ou plus) dans le DMP.");
            }
            List<Code> wanted = confidentiality(entry.get(), doc.invisibleToPatient(), doc.hiddenFromLegalRepresentatives());
            if (!sameCodes(wanted, entry.get().confidentialityCodes())) {
                client.updateConfidentialityAsAuthor(author.get(), entry.get(), wanted);
            }
            return JobOutcome.done();
        } catch (DmpException e) {
            return e.transientFailure() ? JobOutcome.retry(e.getMessage()) : JobOutcome.failed(e.getMessage());
        }
    }

    /** The entry's codes with the invisibility codes set as asked. */
    public static List<Code> confidentiality(XdsDocumentEntry entry, boolean invisibleToPatient,
                                             boolean hiddenFromLegalRepresentatives) {
        List<Code> codes = new ArrayList<>();
        for (Code c : entry.confidentialityCodes()) {
            if (!c.code().equals(XdsVocabulary.INVISIBLE_PATIENT.code())
                    && !c.code().equals(XdsVocabulary.INVISIBLE_LEGAL_REPRESENTATIVES.code())) {
                codes.add(c);
            }
        }
        if (invisibleToPatient) {
            codes.add(XdsVocabulary.INVISIBLE_PATIENT);
        }
        if (hiddenFromLegalRepresentatives) {
            codes.add(XdsVocabulary.INVISIBLE_LEGAL_REPRESENTATIVES);
        }
        return codes;
    }

    static boolean sameCodes(List<Code> a, List<Code> b) {
        return a.stream().map(Code::code).sorted().toList().equals(b.stream().map(Code::code).sorted().toList());
    }
}
