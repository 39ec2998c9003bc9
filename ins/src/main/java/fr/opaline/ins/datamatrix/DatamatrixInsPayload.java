package fr.opaline.ins.datamatrix;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The text encoded in the "Datamatrix INS" printed on every document (SC.CDA/VISU.04):
 * {@code IS010000000000000000000000}, then {@code S1}+matricule, {@code S2}+OID+GS,
 * {@code S3}+birth first names+GS, {@code S4}+birth name+GS, {@code S5}+sex,
 * {@code S6}+birth date dd-MM-yyyy, {@code S7}+INSEE birthplace code; upper case.
 */
public final class DatamatrixInsPayload {

    public static final String HEADER = "IS010000000000000000000000";
    public static final char GS = 0x1D;
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private DatamatrixInsPayload() {
    }

    public static String of(InsNumber ins, IdentityTraits traits) {
        Objects.requireNonNull(ins, "ins");
        Objects.requireNonNull(traits, "traits");
        StringBuilder payload = new StringBuilder(128)
                .append(HEADER)
                .append("S1").append(ins.matricule())
                .append("S2").append(ins.oid()).append(GS)
                .append("S3").append(traits.birthFirstNames()).append(GS)
                .append("S4").append(traits.birthName()).append(GS)
                .append("S5").append(traits.sex().name())
                .append("S6").append(BIRTH_DATE.format(traits.birthDate()));
        if (traits.birthplaceCode() != null) {
            payload.append("S7").append(traits.birthplaceCode());
        }
        return payload.toString().toUpperCase(Locale.ROOT);
    }
}
