package fr.opaline.dmp.xds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The XDS {@code hash} slot: SHA-1 of the document bytes, lower-case hexadecimal. */
public final class XdsHash {

    private XdsHash() {
    }

    public static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
