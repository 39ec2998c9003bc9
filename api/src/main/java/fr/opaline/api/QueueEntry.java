package fr.opaline.api;

import fr.opaline.core.outbox.OutboxJob;

/**
 * One job of the outbox for the feeding queue, with its patient's used (or birth) last name and
 * first name (null without a patient). The job's payload is not sent to the desktop.
 */
public record QueueEntry(OutboxJob job, String patientLastName, String patientFirstName) {
}
