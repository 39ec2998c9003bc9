package fr.opaline.drimboxbridge.feed;

import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.persistence.Database;
import fr.opaline.hl7.message.ControlIds;
import fr.opaline.hl7.sent.Hl7Sender;
import fr.opaline.hl7.transmission.CdaTransmissionMessages;
import fr.opaline.hl7.transmission.DocumentTransmission;
import fr.opaline.hl7.transmission.ReportTransmissions;
import java.time.Clock;
import java.util.List;

/**
 * Sends one CR version to the DRIMbox source as ORU or MDM with the CDA in OBX (SC.DB/RIS.12).
 * The message is built at send time from the stored CDA; its control id comes from the job, the
 * same on every attempt, so a resend after a lost ACK is a duplicate to the DRIMbox, not a second
 * document. DESTDMP is N: the DRIMbox is not the one feeding the DMP.
 */
public final class DrimboxSendHandler implements JobHandler {

    public static final String DESTINATION = "DRIMbox";

    private final Database database;
    private final ReportTransmissions transmissions;
    private final DrimboxSettings settings;
    private final Hl7Sender sender;
    private final Clock clock;

    public DrimboxSendHandler(Database database, ReportTransmissions transmissions, DrimboxSettings settings,
                              Hl7Sender sender, Clock clock) {
        this.database = database;
        this.transmissions = transmissions;
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public String type() {
        return DrimboxJobs.SEND;
    }

    @Override
    public JobOutcome handle(OutboxJob job) {
        if (settings.endpoint() == null) {
            return JobOutcome.failed("Aucune DRIMbox source configurée (drimbox.source.host / drimbox.source.port).");
        }
        DrimboxSendPayload payload = DrimboxSendPayload.parse(job.payload());
        DocumentTransmission t = database.inSnapshot(ctx -> transmissions.build(ctx, payload.reportVersionId(),
                payload.action(), false, List.of()));
        String controlId = ControlIds.forJob(job.id());
        String message = settings.format() == DrimboxSettings.Format.MDM
                ? CdaTransmissionMessages.mdm(t, settings.routing(), controlId, clock.instant())
                : CdaTransmissionMessages.oru(t, settings.routing(), controlId, clock.instant());
        return sender.send(new Hl7Sender.Outgoing(job.id(), DESTINATION, settings.endpoint(), message,
                payload.documentUid(), job.patientId()));
    }
}
