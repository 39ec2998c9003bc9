package fr.opaline.mss.inbound;

import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.ins.traits.InsText;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Automatic integration of a document received by MSSanté requires the exact match of a qualified
 * INS (SC.MSS/UX.05*): the CDA carries an INS, one local identity is qualifiée with the same
 * matricule and OID, and the traits the CDA gives (birth name, birth first names, birth date, sex)
 * are those of that identity. Otherwise the reason, for the worklist and the MDN.
 */
final class QualifiedInsMatch {

    record Result(Patient patient, String code, String reason) {
    }

    private QualifiedInsMatch() {
    }

    static Result match(DSLContext ctx, CdaHeader cda) {
        CdaHeader.InstanceId ins = cda.ins();
        if (ins == null || ins.extension() == null || ins.extension().isBlank()) {
            return new Result(null, "903", "INS non présent dans le document");
        }
        List<Patient> candidates = new PatientRepository(ctx).findByInsMatricule(ins.extension());
        if (candidates.isEmpty()) {
            return new Result(null, "902", "Aucun patient du cabinet n'a l'INS " + ins.extension());
        }
        for (Patient p : candidates) {
            if (p.insQualified() && p.ins().oid().equals(ins.root()) && sameTraits(p, cda)) {
                return new Result(p, null, null);
            }
        }
        return new Result(null, "904", "L'INS ou les traits du document ne correspondent pas exactement à une identité "
                + "qualifiée du cabinet");
    }

    private static boolean sameTraits(Patient p, CdaHeader cda) {
        var t = p.traits();
        CdaHeader.PatientName name = cda.patientName();
        if (name == null) {
            return false;
        }
        return same(t.birthName(), name.birthName()) && same(t.birthFirstNames(), name.birthGivenNames())
                && birthDate(cda).map(t.birthDate()::equals).orElse(false)
                && t.sex().name().equals(cda.gender());
    }

    static Optional<LocalDate> birthDate(CdaHeader cda) {
        String b = cda.birthTime();
        if (b == null || b.length() < 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(b.substring(0, 4)), Integer.parseInt(b.substring(4, 6)),
                    Integer.parseInt(b.substring(6, 8))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean same(String local, String received) {
        return local != null && received != null && InsText.toInsForm(local).equals(InsText.toInsForm(received));
    }
}
