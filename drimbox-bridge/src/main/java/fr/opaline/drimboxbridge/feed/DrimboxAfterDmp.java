package fr.opaline.drimboxbridge.feed;

import fr.opaline.core.common.Json;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentRepository;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.outbox.JobRequest;
import fr.opaline.core.outbox.Outbox;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.report.ReportRepository;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.hl7.transmission.DocumentAction;
import java.util.List;
import java.util.Optional;

/**
 * Once the DMP has acknowledged a CR (its feed job is done), the same CR goes to the DRIMbox
 * source, enqueued in the transaction that records the DMP job done (SC.DB/RIS.12): the first
 * version as a new document, an amended version as a replacement, a retracted one as a deletion.
 * <p>
 * Contract with the DMP feed job: its payload is JSON with a {@code documentUid} field (the CDA
 * id fed, replaced or deleted), or its idempotency key ends with {@code :<documentUid>}. A
 * document that is not a local CR (e.g. a teleradiology CR) is not sent.
 */
public final class DrimboxAfterDmp implements Outbox.FollowUp {

    private final Database database;
    private final DrimboxSettings settings;

    public DrimboxAfterDmp(Database database, DrimboxSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    @Override
    public List<JobRequest> after(OutboxJob dmpJob) {
        if (settings.endpoint() == null) {
            return List.of();
        }
        Optional<String> uid = documentUid(dmpJob);
        if (uid.isEmpty()) {
            return List.of();
        }
        var ctx = database.dsl();
        Optional<ClinicalDocument> document = new DocumentRepository(ctx).findByDocumentUid(uid.get())
                .filter(d -> d.reportVersionId() != null);
        if (document.isEmpty()) {
            return List.of();
        }
        ReportVersion version = new ReportRepository(ctx).findVersion(document.get().reportVersionId()).orElseThrow();
        DocumentAction action = document.get().status() == DocumentStatus.DELETED ? DocumentAction.DELETE
                : version.replacesDocumentUid() != null ? DocumentAction.REPLACE : DocumentAction.INITIAL;
        return List.of(DrimboxJobs.send(new DrimboxSendPayload(version.id(), version.documentUid(), action),
                document.get().patientId()));
    }

    static Optional<String> documentUid(OutboxJob job) {
        try {
            var node = Json.mapper().readTree(job.payload());
            if (node != null && node.hasNonNull("documentUid")) {
                return Optional.of(node.get("documentUid").asText());
            }
        } catch (Exception notJson) {
            // fall back on the idempotency key
        }
        String key = job.idempotencyKey();
        if (key != null && key.lastIndexOf(':') > 0) {
            return Optional.of(key.substring(key.lastIndexOf(':') + 1));
        }
        return Optional.empty();
    }
}
