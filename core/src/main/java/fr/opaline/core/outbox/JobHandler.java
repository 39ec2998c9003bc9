package fr.opaline.core.outbox;

/**
 * Executes jobs of one type. Delivery is at least once: after a crash a job may be attempted
 * again, so a handler must be idempotent towards its peer (e.g. check whether the document
 * uniqueId is already there before submitting). An exception counts as a transient failure.
 */
public interface JobHandler {

    String type();

    JobOutcome handle(OutboxJob job) throws Exception;
}
