package fr.opaline.hl7.message;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * PID and PV1 as PAM — extension France (2.11) and the CI-SIS INS annex write them: the INS in
 * PID-3 only when the identity is qualifiée (else the local IPP alone), birth name and birth first
 * names in PID-5 (type L) with the used names apart (type D), birthplace in PID-11 (type BDL),
 * identity status in PID-32.
 */
public final class PatientSegments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private PatientSegments() {
    }

    public static Er7Segment pid(Patient p, String ippAuthorityName) {
        Er7Segment pid = new Er7Segment("PID");
        List<String> ids = new ArrayList<>();
        if (p.insQualified()) {
            ids.add(Er7Segment.components(p.ins().matricule(), null, null,
                    Er7Segment.sub(insNamespace(p.ins()), p.ins().oid(), "ISO"), "INS"));
        }
        ids.add(Er7Segment.components(p.ipp(), null, null,
                Er7Segment.sub(ippAuthorityName == null ? "" : ippAuthorityName, p.ippIssuer(), "ISO"), "PI"));
        pid.repeated(3, ids);
        List<String> names = new ArrayList<>();
        var t = p.traits();
        names.add(Er7Segment.components(t.birthName(), t.firstBirthFirstName(), t.birthFirstNames(), null, null, null,
                "L"));
        if (p.usedName() != null && !p.usedName().isBlank()) {
            names.add(Er7Segment.components(p.usedName(), p.displayFirstName(), null, null, null, null, "D"));
        }
        pid.repeated(5, names);
        pid.field(7, t.birthDate().format(DATE));
        pid.field(8, t.sex().name());
        if (t.birthplaceCode() != null && !t.birthplaceCode().isBlank()) {
            pid.field(11, null, null, null, null, null, null, "BDL", null, t.birthplaceCode());
        }
        List<String> reliability = new ArrayList<>();
        reliability.add(statusCode(p.status()));
        if (p.attributes().doubtful()) {
            reliability.add("DOUTE");
        }
        if (p.attributes().fictitious()) {
            reliability.add("FICTI");
        }
        pid.repeated(32, reliability);
        return pid;
    }

    /** PV1 for an outpatient imaging act without a visit number known to the receiver. */
    public static Er7Segment pv1() {
        return new Er7Segment("PV1").field(1, "1").field(2, "N");
    }

    /** Namespace of the INS assigning authority as the INS annex names it. */
    public static String insNamespace(InsNumber ins) {
        return ins.isNia() ? "ASIP-SANTE-INS-NIA" : "ASIP-SANTE-INS-NIR";
    }

    /** PID-32 (table 0445 of PAM FR 2.11). */
    public static String statusCode(IdentityStatus status) {
        return switch (status) {
            case PROVISOIRE -> "PROV";
            case RECUPEREE -> "RECUP";
            case VALIDEE -> "VALI";
            case QUALIFIEE -> "QUAL";
        };
    }

    public static IdentityStatus statusOf(String code) {
        return switch (code == null ? "" : code) {
            case "QUAL" -> IdentityStatus.QUALIFIEE;
            case "VALI" -> IdentityStatus.VALIDEE;
            case "RECUP" -> IdentityStatus.RECUPEREE;
            default -> IdentityStatus.PROVISOIRE;
        };
    }
}
