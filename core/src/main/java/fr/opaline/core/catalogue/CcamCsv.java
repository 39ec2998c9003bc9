package fr.opaline.core.catalogue;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.LogSafe;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CCAM extract as the ATIH and ameli export it: semicolon-separated values, a header line
 * naming the columns, UTF-8 or Windows-1252. Columns are found by their header, in any order and
 * case, with or without accents: {@code code} (or {@code code acte}, {@code code CCAM}), the first
 * column whose name starts with {@code libellé}, and optionally {@code examen} (or {@code code
 * examen}): the code of the practice's exam type that takes the act. Other columns are ignored.
 * Any error is a French refusal naming the line; nothing is read partly.
 */
public final class CcamCsv {

    /** Above this, the file is not an extract of acts (the whole CCAM is a few megabytes). */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    /** One act line: the code, its label, the exam type code it maps to (or null), its line number. */
    public record Row(String code, String label, String examCode, int line) {
    }

    private CcamCsv() {
    }

    public static List<Row> parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("Le fichier CCAM est vide.");
        }
        if (content.length > MAX_BYTES) {
            throw new BusinessRuleException("Le fichier CCAM dépasse 20 Mo : ce n'est pas un extrait d'actes.");
        }
        String[] lines = decode(content).split("\r\n|\n|\r", -1);
        int header = 0;
        while (header < lines.length && lines[header].isBlank()) {
            header++;
        }
        if (header == lines.length) {
            throw new BusinessRuleException("Le fichier CCAM est vide.");
        }
        List<String> names = fields(lines[header], header + 1);
        int code = -1;
        int label = -1;
        int exam = -1;
        for (int i = 0; i < names.size(); i++) {
            String n = normalized(names.get(i));
            if (code < 0 && (n.equals("code") || n.equals("code acte") || n.equals("code ccam") || n.equals("acte"))) {
                code = i;
            } else if (label < 0 && n.startsWith("libelle")) {
                label = i;
            } else if (exam < 0 && (n.equals("examen") || n.equals("code examen"))) {
                exam = i;
            }
        }
        if (code < 0 || label < 0) {
            throw new BusinessRuleException("En-tête du fichier CCAM introuvable : la première ligne doit nommer les"
                    + " colonnes « code » et « libellé », séparées par « ; » (colonne « examen » facultative).");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> f = fields(lines[i], line);
            String rawCode = cell(f, code);
            String codeValue;
            try {
                codeValue = CcamCode.of(rawCode).value();
            } catch (BusinessRuleException e) {
                throw new BusinessRuleException("Ligne " + line + " : " + e.getMessage());
            }
            String labelValue = cell(f, label);
            if (labelValue.isEmpty()) {
                throw new BusinessRuleException("Ligne " + line + " : le libellé de l'acte " + codeValue + " manque.");
            }
            if (labelValue.length() > 1000) {
                throw new BusinessRuleException("Ligne " + line + " : libellé trop long (1 000 caractères au plus).");
            }
            String examValue = exam < 0 ? "" : cell(f, exam);
            rows.add(new Row(codeValue, labelValue, examValue.isEmpty() ? null : examValue, line));
        }
        if (rows.isEmpty()) {
            throw new BusinessRuleException("Le fichier CCAM ne contient aucun acte sous son en-tête.");
        }
        return rows;
    }

    private static String cell(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).strip() : "";
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), Windows-1252 otherwise. */
    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    /** The fields of one line: separated by ';', a field in double quotes may hold ';' and "" for a quote. */
    static List<String> fields(String line, int lineNumber) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"' && current.toString().isBlank()) {
                current.setLength(0);
                quoted = true;
            } else if (c == ';') {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new BusinessRuleException("Ligne " + lineNumber + " : guillemet non refermé (« "
                    + LogSafe.text(line) + " »).");
        }
        out.add(current.toString());
        return out;
    }

    private static String normalized(String header) {
        String n = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
    }
}
