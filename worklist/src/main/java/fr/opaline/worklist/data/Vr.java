package fr.opaline.worklist.data;

/**
 * Value representations of PS3.5 section 6.2, with what the codec needs to know about each:
 * the explicit-VR header form, whether the value is text, and whether Specific Character Set
 * applies to it.
 */
public enum Vr {
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV, TM, UC,
    UI, UL, UN, UR, US, UT, UV;

    /** Explicit VR: 2 reserved bytes and a 32-bit length instead of a 16-bit length. */
    public boolean hasLongHeader() {
        return switch (this) {
            case OB, OD, OF, OL, OV, OW, SQ, UC, UN, UR, UT, SV, UV -> true;
            default -> false;
        };
    }

    /** Values are character strings (possibly multi-valued with backslashes). */
    public boolean isText() {
        return switch (this) {
            case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
            default -> false;
        };
    }

    /** Specific Character Set (0008,0005) applies to the value (PS3.5 6.1.2.3). */
    public boolean usesSpecificCharacterSet() {
        return switch (this) {
            case LO, LT, PN, SH, ST, UC, UT -> true;
            default -> false;
        };
    }

    /** Backslash separates values; LT, ST, UT and UR are single-valued and may contain one. */
    public boolean isMultiValuedText() {
        return isText() && this != LT && this != ST && this != UT && this != UR;
    }

    /** Byte used to pad a value to even length. */
    public byte padding() {
        return isText() && this != UI ? (byte) ' ' : 0;
    }

    /** The VR whose two-letter code is given, or null when the code is not a VR. */
    public static Vr fromCode(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        try {
            return valueOf(new String(new char[] {(char) first, (char) second}));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
