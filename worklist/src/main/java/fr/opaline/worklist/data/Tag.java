package fr.opaline.worklist.data;

/** Data element tags as 32-bit ints: group in the high 16 bits, element in the low 16 bits. */
public final class Tag {

    public static final int ITEM = 0xFFFEE000;
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tag() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    public static boolean isPrivate(int tag) {
        return (group(tag) & 1) == 1;
    }

    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /** "(0010,0010)". */
    public static String toString(int tag) {
        return String.format("(%04X,%04X)", group(tag), element(tag));
    }
}
