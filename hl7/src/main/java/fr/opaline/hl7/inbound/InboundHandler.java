package fr.opaline.hl7.inbound;

import fr.opaline.hl7.message.MshHeader;

/**
 * Processes one kind of received message (e.g. MDM from the PFI, ADT, teleradiology ORU). Called
 * after the message is stored; may be called again with the same message when a previous attempt
 * did not finish (crash, AR), so it must be idempotent. Network calls (INSi) are allowed: the
 * sender waits for the ACK.
 */
public interface InboundHandler {

    /** The message types (MSH-9.1) it deals with, to tell an unknown type from an unknown event. */
    java.util.Set<String> messageTypes();

    /** Whether this handler takes messages with this header (type, event, profile in MSH-21…). */
    boolean handles(MshHeader header);

    InboundOutcome handle(InboundMessage message) throws Exception;
}
