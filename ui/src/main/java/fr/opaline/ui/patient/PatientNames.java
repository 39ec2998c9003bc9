package fr.opaline.ui.patient;

import fr.opaline.core.patient.Patient;
import java.util.Locale;

/** How the desktop writes a patient's name: used (or birth) name in capitals, then the first name. */
public final class PatientNames {

    private PatientNames() {
    }

    public static String display(Patient patient) {
        return display(patient.displayLastName(), patient.displayFirstName());
    }

    /** The same from the used (or birth) last name and the first name. */
    public static String display(String lastName, String firstName) {
        return lastName.toUpperCase(Locale.FRENCH) + " " + capitalised(firstName);
    }

    /** "JEAN-PIERRE" → "Jean-Pierre"; a first name typed with its accents is kept as typed. */
    static String capitalised(String firstName) {
        if (firstName == null || firstName.isEmpty()) {
            return "";
        }
        if (!firstName.equals(firstName.toUpperCase(Locale.FRENCH))) {
            return firstName;
        }
        StringBuilder out = new StringBuilder(firstName.length());
        boolean start = true;
        for (char c : firstName.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == '-' || c == ' ' || c == '\'';
        }
        return out.toString();
    }
}
