package fr.opaline.hl7.lps;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.documents.cda.CdaHeader;
import fr.opaline.hl7.message.Hl7Error;
import fr.opaline.hl7.message.ReceivedPid;
import fr.opaline.ins.traits.InsText;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Automatic integration of a received document requires the exact match of a qualified INS
 * (SC.MSS/UX.05*): the document carries an INS, the message gives all five strict traits, one
 * local identity is qualifiée with the same matricule and OID and the same birth name, birth first
 * names, birth date, sex and birthplace. Otherwise the CI-SIS error (applicationErrorCode):
 * 903 no INS in the document, 905 INS incomplete, 902 patient unknown, 904 INS or traits differ.
 */
public final class InsMatch {

    public static final String CODE_SYSTEM = "applicationErrorCode";

    private InsMatch() {
    }

    /** The local patient, or the error to acknowledge with. */
    public record Result(Patient patient, Hl7Error error) {
    }

    public static Result match(DSLContext ctx, ReceivedPid pid, CdaHeader cda) {
        CdaHeader.InstanceId cdaIns = cda.ins();
        if (cdaIns == null || cdaIns.extension() == null) {
            return error("903", "INS non présent dans le document", 3);
        }
        InsNumber ins = pid.ins() != null ? pid.ins() : new InsNumber(cdaIns.extension(), cdaIns.root());
        if (!ins.matricule().equals(cdaIns.extension()) || !ins.oid().equals(cdaIns.root())) {
            return error("904", "L'INS transmis ne correspond pas exactement à celui stocké dans la base du consommateur", 3);
        }
        if (!pid.traitsComplete()) {
            return error("905", "L'INS transmis n'est pas complet", 5);
        }
        List<Patient> candidates = new PatientRepository(ctx).findByInsMatricule(ins.matricule());
        if (candidates.isEmpty()) {
            return error("902", "Identifiant patient inconnu", 3);
        }
        for (Patient p : candidates) {
            if (p.insQualified() && p.ins().oid().equals(ins.oid()) && sameTraits(p, pid)) {
                return new Result(p, null);
            }
        }
        return error("904", "L'INS transmis ne correspond pas exactement à celui stocké dans la base du consommateur", 5);
    }

    static boolean sameTraits(Patient p, ReceivedPid pid) {
        var t = p.traits();
        return same(t.birthName(), pid.birthName()) && same(t.birthFirstNames(), pid.birthFirstNames())
                && t.birthDate().equals(pid.birthDate()) && t.sex() == pid.sex()
                && Objects.equals(t.birthplaceCode(), pid.birthplaceCode());
    }

    private static boolean same(String local, String received) {
        return received != null && InsText.toInsForm(local).equals(InsText.toInsForm(received));
    }

    private static Result error(String code, String text, int field) {
        return new Result(null, Hl7Error.application(code, text, CODE_SYSTEM).at("PID", 1, field));
    }
}
