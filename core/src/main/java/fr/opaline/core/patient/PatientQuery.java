package fr.opaline.core.patient;

import java.time.LocalDate;

/**
 * A front-desk patient search. Any combination; blank parts are ignored. Names match by prefix
 * on the birth name or the used name, ignoring case, accents, hyphens and apostrophes.
 */
public record PatientQuery(String namePrefix, String firstNamePrefix, LocalDate birthDate, String ipp,
                           String insMatricule, int limit) {

    public PatientQuery {
        if (limit <= 0) {
            limit = 50;
        }
    }

    public static PatientQuery byName(String prefix) {
        return new PatientQuery(prefix, null, null, null, null, 50);
    }

    public boolean isEmpty() {
        return blank(namePrefix) && blank(firstNamePrefix) && birthDate == null && blank(ipp) && blank(insMatricule);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (!blank(namePrefix)) b.append("nom=").append(namePrefix).append(' ');
        if (!blank(firstNamePrefix)) b.append("prénom=").append(firstNamePrefix).append(' ');
        if (birthDate != null) b.append("naissance=").append(birthDate).append(' ');
        if (!blank(ipp)) b.append("ipp=").append(ipp).append(' ');
        if (!blank(insMatricule)) b.append("ins=").append(insMatricule).append(' ');
        return b.toString().trim();
    }
}
