package fr.opaline.ins.datamatrix;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.InsRuleException;
import fr.opaline.ins.matricule.MatriculeRules;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Reads the text of a scanned Datamatrix INS back into an INS and its traits (the inverse of
 * {@link DatamatrixInsPayload}). The GS separators may be missing (keyboard-wedge scanners drop
 * them): the next field's tag ends a variable field, since names and OIDs contain no digit
 * after an "S".
 */
public final class DatamatrixInsParser {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private DatamatrixInsParser() {
    }

    public static ScannedIns parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InsRuleException("Datamatrix INS vide.");
        }
        String s = text.strip();
        if (!s.startsWith(DatamatrixInsPayload.HEADER)) {
            throw new InsRuleException("Ce code n'est pas un Datamatrix INS : il doit commencer par "
                    + DatamatrixInsPayload.HEADER + ".");
        }
        Cursor c = new Cursor(s, DatamatrixInsPayload.HEADER.length());
        String matricule = c.fixed("S1", 15, "matricule INS");
        String oid = c.variable("S2", "S3", "OID");
        String firstNames = c.variable("S3", "S4", "prénoms de naissance");
        String birthName = c.variable("S4", "S5", "nom de naissance");
        String sex = c.fixed("S5", 1, "sexe");
        String date = c.fixed("S6", 10, "date de naissance");
        String place = c.atEnd() ? null : c.fixed("S7", 5, "lieu de naissance");
        if (!c.atEnd()) {
            throw new InsRuleException("Datamatrix INS : contenu inattendu après le lieu de naissance.");
        }
        InsNumber ins = MatriculeRules.requireValid(new InsNumber(matricule, oid));
        if (!sex.equals("M") && !sex.equals("F")) {
            throw new InsRuleException("Datamatrix INS : sexe « " + sex + " » (M ou F attendu).");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(date, DATE);
        } catch (DateTimeParseException e) {
            throw new InsRuleException("Datamatrix INS : date de naissance « " + date + " » invalide (jj-mm-aaaa attendu).");
        }
        if (firstNames.isBlank() || birthName.isBlank()) {
            throw new InsRuleException("Datamatrix INS : nom ou prénoms de naissance vides.");
        }
        return new ScannedIns(ins, new IdentityTraits(birthName, firstNames, null, birthDate, Sex.valueOf(sex), place));
    }

    private static final class Cursor {
        private final String s;
        private int at;

        Cursor(String s, int at) {
            this.s = s;
            this.at = at;
        }

        boolean atEnd() {
            return at >= s.length();
        }

        private void tag(String tag, String what) {
            if (!s.startsWith(tag, at)) {
                throw new InsRuleException("Datamatrix INS : champ " + tag + " (" + what + ") attendu en position "
                        + (at + 1) + ".");
            }
            at += tag.length();
        }

        String fixed(String tag, int length, String what) {
            tag(tag, what);
            if (at + length > s.length()) {
                throw new InsRuleException("Datamatrix INS tronqué : " + what + " incomplet.");
            }
            String value = s.substring(at, at + length);
            at += length;
            return value;
        }

        String variable(String tag, String nextTag, String what) {
            tag(tag, what);
            int gs = s.indexOf(DatamatrixInsPayload.GS, at);
            int next = s.indexOf(nextTag, at);
            int end;
            if (gs >= 0 && (next < 0 || gs <= next)) {
                end = gs;
                String value = s.substring(at, end);
                at = end + 1;
                return value;
            }
            if (next < 0) {
                throw new InsRuleException("Datamatrix INS tronqué : " + what + " sans fin.");
            }
            String value = s.substring(at, next);
            at = next;
            return value;
        }
    }
}
