package fr.opaline.core.lifecycle;

import java.time.Duration;

/**
 * A long-running part of a process (outbox worker, DICOM listener, HL7 listener, sandbox
 * stand-in) that the practice server or the desktop starts and stops in order.
 */
public interface ManagedService {

    String name();

    void start() throws Exception;

    /** Stops accepting work, lets work in flight finish within {@code grace}, then stops. */
    void stop(Duration grace);
}
