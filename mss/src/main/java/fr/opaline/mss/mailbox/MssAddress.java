package fr.opaline.mss.mailbox;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MSSanté addresses: syntax check, normalised form, and the patient's Mon espace santé address
 * {@code <matricule INS>@patient.mssante.fr}.
 */
public final class MssAddress {

    public static final String PATIENT_DOMAIN = "patient.mssante.fr";
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private MssAddress() {
    }

    /** The address in lower case, or a refusal naming it. */
    public static String normalise(String address) {
        String a = address == null ? "" : address.strip();
        if (a.length() > 254 || !ADDRESS.matcher(a).matches()) {
            throw new BusinessRuleException("Adresse MSSanté invalide : « " + a + " ».");
        }
        return a.toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String address) {
        return address != null && address.strip().length() <= 254 && ADDRESS.matcher(address.strip()).matches();
    }

    public static boolean isPatientAddress(String address) {
        return address != null && address.toLowerCase(Locale.ROOT).endsWith("@" + PATIENT_DOMAIN);
    }

    /**
     * The patient's Mon espace santé address. Rule (REQUIREMENTS §5: a qualified INS is not required
     * for MSSanté): the identity must carry an INS obtained from INSi (récupérée or qualifiée), on a
     * NIR (real or test) — a NIA is provisional and Mon espace santé is opened on the NIR — and must
     * be neither doubtful nor fictitious. Empty otherwise.
     */
    public static Optional<String> ofPatient(Patient patient) {
        InsNumber ins = patient.ins();
        if (ins == null || !patient.status().hasIns() || ins.isNia()
                || patient.attributes().doubtful() || patient.attributes().fictitious()) {
            return Optional.empty();
        }
        if (!InsNumber.OID_NIR.equals(ins.oid()) && !InsNumber.OID_TEST_NIR.equals(ins.oid())) {
            return Optional.empty();
        }
        if (!ins.matricule().matches("[0-9AB]{13}[0-9]{2}")) {
            return Optional.empty();
        }
        return Optional.of(ins.matricule() + "@" + PATIENT_DOMAIN);
    }
}
