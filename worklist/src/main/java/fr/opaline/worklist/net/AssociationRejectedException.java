package fr.opaline.worklist.net;

import java.io.IOException;

/** The peer answered A-ASSOCIATE-RJ. */
public class AssociationRejectedException extends IOException {

    private final Pdu.AssociateReject reject;

    public AssociationRejectedException(Pdu.AssociateReject reject) {
        super("Association refusée : " + AcceptancePolicy.explain(reject) + " (résultat " + reject.result()
                + ", source " + reject.source() + ", motif " + reject.reason() + ")");
        this.reject = reject;
    }

    public Pdu.AssociateReject reject() {
        return reject;
    }
}
