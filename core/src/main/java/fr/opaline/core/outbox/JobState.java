package fr.opaline.core.outbox;

public enum JobState {
    /** Waiting for its due time (deferral or retry backoff). */
    PENDING("En attente"),
    /** Being executed by a worker that holds the lease. */
    LEASED("En cours"),
    DONE("Envoyé"),
    /** Gave up after its attempts or on a permanent error; can be resent by a user. */
    FAILED("En échec"),
    /** Put on hold by a user; will not run until resumed. */
    HELD("Suspendu"),
    CANCELLED("Annulé");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return this == DONE || this == CANCELLED;
    }
}
