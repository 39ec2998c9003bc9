package fr.opaline.worklist.net;

import java.io.IOException;

/** The peer sent A-ABORT: the association is gone, operations in progress stop. */
public class AssociationAbortedException extends IOException {

    public AssociationAbortedException(String message) {
        super(message);
    }
}
