package fr.opaline.core.uid;

import org.jooq.DSLContext;

/**
 * Makes the UIDs the RIS owns (DSR section 2: the RIS generates the Study Instance UID).
 * Arcs under the practice root: 1 = studies, 2 = documents (CDA id / setId), 3 = other objects.
 */
public final class UidGenerator {

    public static final int ARC_STUDY = 1;
    public static final int ARC_DOCUMENT = 2;
    public static final int ARC_OTHER = 3;

    private final UidRoot root;

    public UidGenerator(UidRoot root) {
        this.root = root;
    }

    public UidRoot root() {
        return root;
    }

    public String newStudyInstanceUid(DSLContext ctx) {
        return root.child(ARC_STUDY, SequenceCounters.next(ctx, "uid.study"));
    }

    public String newDocumentUid(DSLContext ctx) {
        return root.child(ARC_DOCUMENT, SequenceCounters.next(ctx, "uid.document"));
    }

    public String newUid(DSLContext ctx) {
        return root.child(ARC_OTHER, SequenceCounters.next(ctx, "uid.other"));
    }
}
