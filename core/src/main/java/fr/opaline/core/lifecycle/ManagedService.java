package fr.opaline.core.lifecycle;

import java.time.Duration;
import java.util.Map;

/**
 * A long-running part of a process (outbox worker, DICOM listener, HL7 listener, scheduled
 * backups, sandbox stand-in) that the practice server or the desktop starts and stops in order.
 */
public interface ManagedService {

    /** Key of {@link #healthDetails()} whose value (a French sentence) says the service needs attention. */
    String PROBLEM = "problem";

    String name();

    /**
     * Starts the service and returns once it accepts work (a listener is bound, a worker polls).
     * Throws when it cannot: the practice server then stops what it had started and exits.
     */
    void start() throws Exception;

    /**
     * Graceful stop, in three steps:
     * <ol>
     * <li>at once, take no new work: close the listening socket, refuse new associations or
     * connections, stop leasing outbox jobs, cancel future runs;</li>
     * <li>let the work already accepted finish within {@code grace}: a C-FIND being answered, an
     * HL7 message being stored and acknowledged, an outbox job being sent, a backup being
     * written;</li>
     * <li>when {@code grace} is over, abort what remains in a way that loses nothing: an
     * unacknowledged HL7 message is sent again by its peer, an interrupted outbox job is released
     * (or its lease expires) and runs again, a partial backup file is deleted.</li>
     * </ol>
     * Returns once stopped. Must be idempotent and safe on a service whose start failed.
     */
    void stop(Duration grace);

    /**
     * Facts shown by the practice server's health endpoint for this service (port, last run,
     * counters). Values must be serialisable by Jackson; keep it cheap (no network call). A
     * {@link #PROBLEM} entry marks the service as needing attention (the server is then
     * "DEGRADED").
     */
    default Map<String, Object> healthDetails() {
        return Map.of();
    }
}
