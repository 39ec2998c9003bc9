package fr.opaline.core.uid;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The practice's OID root, under which Opaline makes DICOM and CDA UIDs. Checked against
 * PS3.5 §9.1: digits and dots, no leading zero in a component, and room left for the suffixes
 * Opaline appends within the 64-character limit.
 */
public record UidRoot(String value) {

    /** Longest root that still leaves room for ".k.nnnnnnnnnnnn" suffixes. */
    public static final int MAX_LENGTH = 48;
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    public UidRoot {
        if (value == null || !UID.matcher(value).matches()) {
            throw new IllegalArgumentException("Racine d'OID invalide : « " + value
                    + " » (chiffres séparés par des points, sans zéro en tête de composant)");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Racine d'OID trop longue : " + value.length()
                    + " caractères (" + MAX_LENGTH + " au plus)");
        }
    }

    /** A root under 2.25 (ISO/IEC 9834-8, UUID-derived) for a practice without its own OID. */
    public static UidRoot fromUuid(UUID uuid) {
        ByteBuffer buffer = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return new UidRoot("2.25." + new BigInteger(1, buffer.array()));
    }

    public String child(int arc, long number) {
        return value + "." + arc + "." + number;
    }
}
