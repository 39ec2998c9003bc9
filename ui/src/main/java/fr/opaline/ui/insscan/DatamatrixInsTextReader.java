package fr.opaline.ui.insscan;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.matricule.MatriculeKey;
import fr.opaline.ui.patient.InseeCodes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the Datamatrix INS payload of REQUIREMENTS.md §2 (SC.CDA/VISU.04):
 * {@code IS010000000000000000000000}, {@code S1}+matricule (15), {@code S2}+OID+GS,
 * {@code S3}+birth first names+GS, {@code S4}+birth name+GS, {@code S5}+sex, {@code S6}+birth
 * date dd-MM-yyyy, optional {@code S7}+INSEE birthplace code.
 *
 * <p>A scanner acting as a keyboard usually loses the GS separator (0x1D) and a JavaFX text field
 * drops control characters anyway, so the separators are optional: the next tag ends a field.
 * That is unambiguous because an OID has no letter and INS traits have no digit.
 */
public final class DatamatrixInsTextReader implements InsScanReader {

    static final String HEADER = "IS010000000000000000000000";
    private static final char GS = 0x1D;
    private static final Pattern MATRICULE = Pattern.compile("[0-9]{5}(2A|2B|[0-9]{2})[0-9]{8}");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final Pattern TRAIT = Pattern.compile("[A-Z' -]+");
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public boolean recognises(String text) {
        return text != null && clean(text).startsWith("IS01");
    }

    @Override
    public ScannedIdentity read(String text) {
        if (!recognises(text)) {
            throw new IllegalArgumentException("Ce texte n’est pas un Datamatrix INS (il doit commencer par « IS01 »).");
        }
        Cursor cursor = new Cursor(clean(text));
        cursor.expect(HEADER, "en-tête");
        cursor.expect("S1", "matricule INS");
        String matricule = cursor.fixed(15, "matricule INS");
        if (!MATRICULE.matcher(matricule).matches() || !MatriculeKey.of(matricule.substring(0, 13)).equals(matricule.substring(13))) {
            throw new IllegalArgumentException("Matricule INS invalide dans le Datamatrix : " + matricule + ".");
        }
        cursor.expect("S2", "OID");
        String oid = cursor.until("S3", "OID");
        if (!OID.matcher(oid).matches()) {
            throw new IllegalArgumentException("OID de l’INS invalide dans le Datamatrix : " + oid + ".");
        }
        cursor.expect("S3", "prénoms de naissance");
        String firstNames = trait(cursor.until("S4", "prénoms de naissance"), "prénoms de naissance");
        cursor.expect("S4", "nom de naissance");
        String birthName = trait(cursor.until("S5", "nom de naissance"), "nom de naissance");
        cursor.expect("S5", "sexe");
        String sexCode = cursor.fixed(1, "sexe");
        if (!sexCode.equals("M") && !sexCode.equals("F")) {
            throw new IllegalArgumentException("Sexe invalide dans le Datamatrix : « " + sexCode + " » (M ou F attendu).");
        }
        cursor.expect("S6", "date de naissance");
        String dateText = cursor.fixed(10, "date de naissance");
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(dateText, BIRTH_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Date de naissance invalide dans le Datamatrix : " + dateText + ".", e);
        }
        String birthplace = null;
        if (!cursor.atEnd()) {
            cursor.expect("S7", "lieu de naissance");
            birthplace = cursor.fixed(5, "lieu de naissance");
            if (!InseeCodes.isWellFormed(birthplace)) {
                throw new IllegalArgumentException("Code INSEE du lieu de naissance invalide : " + birthplace + ".");
            }
        }
        if (!cursor.atEnd()) {
            throw new IllegalArgumentException("Le Datamatrix INS contient des données inattendues après le lieu de naissance.");
        }
        return new ScannedIdentity(new InsNumber(matricule, oid),
                IdentityTraits.of(birthName, firstNames, birthDate, Sex.valueOf(sexCode), birthplace));
    }

    /** Upper case, without the line end a scanner appends; GS kept as the field separator. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.strip().toCharArray()) {
            if (c == GS || !Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static String trait(String value, String what) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || !TRAIT.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Trait « " + what + " » illisible dans le Datamatrix : « " + value + " ».");
        }
        return trimmed;
    }

    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        void expect(String token, String what) {
            if (!text.startsWith(token, position)) {
                throw new IllegalArgumentException("Datamatrix INS incomplet : « " + what + " » attendu en position "
                        + (position + 1) + ".");
            }
            position += token.length();
        }

        String fixed(int length, String what) {
            if (position + length > text.length()) {
                throw new IllegalArgumentException("Datamatrix INS tronqué dans « " + what + " ».");
            }
            String value = text.substring(position, position + length);
            position += length;
            return value;
        }

        /** Up to the GS separator (consumed) or the next tag (left in place). */
        String until(String nextTag, String what) {
            int separator = text.indexOf(GS, position);
            int tag = text.indexOf(nextTag, position);
            if (separator < 0 && tag < 0) {
                throw new IllegalArgumentException("Datamatrix INS tronqué après « " + what + " ».");
            }
            if (separator >= 0 && (tag < 0 || separator < tag)) {
                String value = text.substring(position, separator);
                position = separator + 1;
                return value;
            }
            String value = text.substring(position, tag);
            position = tag;
            return value;
        }

        boolean atEnd() {
            return position >= text.length();
        }
    }
}
