package fr.opaline.worklist.net;

/** How Opaline names itself in association negotiation (PS3.7 annex D.3.3.2). */
public final class Implementation {

    /** A UUID-derived UID (ISO/IEC 9834-8), fixed for the product. */
    public static final String CLASS_UID = "2.25.289860108531237724359234958544034909089";
    public static final String VERSION_NAME = "OPALINE_0.1";

    private Implementation() {
    }
}
