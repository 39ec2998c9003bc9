package fr.opaline.hl7.message;

import ca.uhn.hl7v2.model.Segment;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A received PID read as PAM FR and the CI-SIS INS annex write it: the INS (PID-3 of type INS),
 * the other identifiers, the birth name and birth first names (PID-5 type L), the used names
 * (type D), birth date, sex, birthplace (PID-11 type BDL) and the identity status (PID-32).
 * Missing traits stay null: a caller decides whether the identity is complete.
 */
public record ReceivedPid(InsNumber ins, List<Identifier> identifiers, String birthName, String birthFirstNames,
                          String firstBirthFirstName, LocalDate birthDate, Sex sex, String birthplaceCode,
                          String usedName, String usedFirstName, IdentityStatus status) {

    /** A PID-3 identifier: value, assigning authority (OID or namespace) and type (PI, INS…). */
    public record Identifier(String value, String authority, String type) {
    }

    public static ReceivedPid read(Segment pid) {
        InsNumber ins = null;
        List<Identifier> ids = new ArrayList<>();
        for (int i = 0; i < Segments.repetitions(pid, 3); i++) {
            String value = Segments.get(pid, 3, i, 1, 1);
            String oid = Segments.get(pid, 3, i, 4, 2);
            String namespace = Segments.get(pid, 3, i, 4, 1);
            String type = Segments.get(pid, 3, i, 5, 1);
            if (value == null) {
                continue;
            }
            if ("INS".equals(type) && oid != null && oid.startsWith("1.2.250.1.213.1.4.")) {
                ins = new InsNumber(value, oid);
            } else {
                ids.add(new Identifier(value, oid != null ? oid : namespace, type));
            }
        }
        String birthName = null;
        String firstNames = null;
        String first = null;
        String usedName = null;
        String usedFirst = null;
        for (int i = 0; i < Segments.repetitions(pid, 5); i++) {
            String type = Segments.get(pid, 5, i, 7, 1);
            if ("D".equals(type)) {
                usedName = Segments.get(pid, 5, i, 1, 1);
                usedFirst = Segments.get(pid, 5, i, 2, 1);
            } else if ("L".equals(type) || (type == null && birthName == null)) {
                birthName = Segments.get(pid, 5, i, 1, 1);
                first = Segments.get(pid, 5, i, 2, 1);
                String list = Segments.get(pid, 5, i, 3, 1);
                firstNames = list != null ? list.replace(',', ' ').trim() : first;
            }
        }
        String birthplace = null;
        for (int i = 0; i < Segments.repetitions(pid, 11); i++) {
            if ("BDL".equals(Segments.get(pid, 11, i, 7, 1))) {
                birthplace = Segments.get(pid, 11, i, 9, 1);
            }
        }
        LocalDate birthDate = null;
        String dob = Segments.get(pid, 7, 1);
        if (dob != null && dob.length() >= 8) {
            try {
                birthDate = LocalDate.parse(dob.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                birthDate = null;
            }
        }
        Sex sex = null;
        String s = Segments.get(pid, 8, 1);
        if ("F".equals(s)) {
            sex = Sex.F;
        } else if ("M".equals(s)) {
            sex = Sex.M;
        }
        IdentityStatus status = IdentityStatus.PROVISOIRE;
        for (int i = 0; i < Segments.repetitions(pid, 32); i++) {
            IdentityStatus st = PatientSegments.statusOf(Segments.get(pid, 32, i, 1, 1));
            if (st.ordinal() > status.ordinal()) {
                status = st;
            }
        }
        return new ReceivedPid(ins, ids, birthName, firstNames, first, birthDate, sex, birthplace, usedName, usedFirst,
                status);
    }

    /** The five strict traits are all there (birthplace included). */
    public boolean traitsComplete() {
        return birthName != null && birthFirstNames != null && birthDate != null && sex != null && birthplaceCode != null;
    }

    /** The strict traits, when at least name, first names, birth date and sex are known. */
    public IdentityTraits traits() {
        if (birthName == null || birthFirstNames == null || birthDate == null || sex == null) {
            return null;
        }
        return new IdentityTraits(birthName, birthFirstNames, firstBirthFirstName, birthDate, sex, birthplaceCode);
    }
}
