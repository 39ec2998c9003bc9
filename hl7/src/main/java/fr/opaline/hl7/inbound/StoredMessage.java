package fr.opaline.hl7.inbound;

import java.time.Instant;
import java.util.UUID;

/** A row of the received-message log. */
public record StoredMessage(UUID id, Instant receivedAt, String listener, String remoteAddress,
                            String sendingApplication, String sendingFacility, String controlId, String messageType,
                            String version, String charset, byte[] content, int contentSize, String state,
                            String ackCode, String errorDetail, byte[] ackContent, UUID patientId,
                            Instant processedAt) {

    public static final String RECEIVED = "RECEIVED";
    public static final String PROCESSED = "PROCESSED";
    public static final String REJECTED = "REJECTED";
    /** Answered AR: a resend of the same message is processed again. */
    public static final String DEFERRED = "DEFERRED";
}
