package fr.opaline.worklist.dimse;

import fr.opaline.worklist.data.Attributes;
import java.net.InetSocketAddress;
import java.util.Iterator;

/** Answers the C-FIND requests of one information model (PS3.4 annex C/K). */
public interface FindHandler {

    /**
     * Runs a query. The matches are sent as pending responses in the iterator's order, then
     * the final status; the iterator is abandoned if the SCU cancels.
     *
     * @throws FindFailure to answer with a failure status instead
     */
    Outcome find(Request request) throws FindFailure;

    /** A C-FIND request as the handler sees it. */
    record Request(String callingAeTitle, String calledAeTitle, InetSocketAddress remote, Attributes identifier) {
    }

    /**
     * @param pendingStatus {@link Dimse#PENDING}, or {@link Dimse#PENDING_WARNING} when optional keys were not supported
     * @param finalStatus   {@link Dimse#SUCCESS}, or a failure status after the matches (e.g. results cut)
     * @param finalComment  Error Comment of a failure status, in ASCII
     */
    record Outcome(Iterator<Attributes> matches, int pendingStatus, int finalStatus, String finalComment) {
    }

    /** A query refused with a status. */
    class FindFailure extends Exception {
        private final int status;

        public FindFailure(int status, String comment) {
            super(comment);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
