package fr.opaline.core.report;

import org.jooq.DSLContext;

/**
 * Called by {@link ReportService} inside the transaction of a validation, an amendment or a
 * retraction, in the order of registration. A listener does its database work with the given
 * context (store the rendered documents, enqueue outbox jobs…): it commits with the transition
 * or not at all, so a crash never leaves a validated report without its documents and sends.
 * A listener must not talk to the network; throwing refuses the transition.
 * <p>
 * Wiring registers the documents listener first (it stores the CDA and PDF in
 * {@code clinical_document}, linked to the version), so later listeners find them there.
 */
@FunctionalInterface
public interface ReportPublicationListener {

    void onPublication(DSLContext ctx, ReportPublication publication);
}
