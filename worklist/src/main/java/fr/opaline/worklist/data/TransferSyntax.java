package fr.opaline.worklist.data;

import java.util.Optional;

/** The two uncompressed little-endian transfer syntaxes Opaline speaks (PS3.5 section 10). */
public enum TransferSyntax {
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", false),
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", true);

    private final String uid;
    private final boolean explicitVr;

    TransferSyntax(String uid, boolean explicitVr) {
        this.uid = uid;
        this.explicitVr = explicitVr;
    }

    public String uid() {
        return uid;
    }

    public boolean explicitVr() {
        return explicitVr;
    }

    public static Optional<TransferSyntax> ofUid(String uid) {
        for (TransferSyntax ts : values()) {
            if (ts.uid.equals(uid)) {
                return Optional.of(ts);
            }
        }
        return Optional.empty();
    }
}
