package fr.opaline.hl7.teleradiology;

import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.hl7.transmission.DocumentAction;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Asks the DMP feeding to publish, replace or delete a document received from a teleradiology
 * platform (RIS.TLR/INT.01/02), no earlier than {@code dueAt}, in the caller's transaction. The DMP
 * wiring implements it; {@link OutboxReceivedDocumentFeed} is the outbox contract it can handle.
 */
@FunctionalInterface
public interface ReceivedDocumentFeed {

    void feed(DSLContext ctx, ClinicalDocument document, DocumentAction action, Instant dueAt, Actor actor);
}
