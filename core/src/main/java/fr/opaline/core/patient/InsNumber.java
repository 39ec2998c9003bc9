package fr.opaline.core.patient;

import java.util.Objects;

/**
 * The INS: matricule (NIR or NIA, 13 characters + 2-digit key) and the OID of its
 * assigning authority. Format and key checks belong to the ins module.
 */
public record InsNumber(String matricule, String oid) {

    public static final String OID_NIR = "1.2.250.1.213.1.4.8";
    public static final String OID_NIA = "1.2.250.1.213.1.4.9";
    public static final String OID_TEST_NIR = "1.2.250.1.213.1.4.10";
    public static final String OID_TEST_NIA = "1.2.250.1.213.1.4.11";

    public InsNumber {
        Objects.requireNonNull(matricule, "matricule");
        Objects.requireNonNull(oid, "oid");
    }

    public boolean isNia() {
        return OID_NIA.equals(oid) || OID_TEST_NIA.equals(oid);
    }

    public boolean isTest() {
        return OID_TEST_NIR.equals(oid) || OID_TEST_NIA.equals(oid);
    }
}
