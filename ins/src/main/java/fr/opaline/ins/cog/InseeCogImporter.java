package fr.opaline.ins.cog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the INSEE COG files of a folder into places and events, recognising each file by its
 * columns (whatever its name or year):
 * <ul>
 * <li>communes: {@code TYPECOM,COM,REG,DEP,CTCD,ARR,TNCC,NCC,NCCENR,LIBELLE,CAN,COMPARENT};</li>
 * <li>communes since 1943: {@code COM,TNCC,NCC,NCCENR,LIBELLE,DATE_DEBUT,DATE_FIN};</li>
 * <li>events: {@code MOD,DATE_EFF,TYPECOM_AV,COM_AV,…,LIBELLE_AV,TYPECOM_AP,COM_AP,…,LIBELLE_AP};</li>
 * <li>countries and territories: {@code COG,ACTUAL,…,LIBCOG,LIBENR,…} (DATE_DEBUT/DATE_FIN or ANI when present);</li>
 * <li>collectivités d'outre-mer: {@code COM_COMER,TNCC,NCC,NCCENR,LIBELLE,NATURE_ZONAGE,COMER,LIBELLE_COMER}.</li>
 * </ul>
 * Any malformed row stops the whole import with the file and line named.
 */
public final class InseeCogImporter {

    static final Pattern CODE = Pattern.compile("[0-9]{5}|2[AB][0-9]{3}|[0-9]{3}[0-9A-Z]{2}");

    /** What the folder holds, ready to be stored. */
    public record Content(Map<String, List<CogPlace>> placesBySource, List<CogEvent> events, List<String> ignored) {
    }

    public Content read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CogFormatException("Dossier introuvable : " + folder);
        }
        Map<String, List<CogPlace>> places = new LinkedHashMap<>();
        List<CogEvent> events = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
                ignored.add(file.getFileName().toString());
                continue;
            }
            InseeCsv csv = InseeCsv.read(file);
            if (csv.has("TYPECOM", "COM", "LIBELLE")) {
                places.computeIfAbsent("insee-communes", k -> new ArrayList<>()).addAll(communes(csv));
            } else if (csv.has("COM", "LIBELLE", "DATE_DEBUT", "DATE_FIN")) {
                places.computeIfAbsent("insee-communes-1943", k -> new ArrayList<>()).addAll(communesSince1943(csv));
            } else if (csv.has("MOD", "DATE_EFF", "COM_AV", "COM_AP")) {
                events.addAll(events(csv));
            } else if (csv.has("COG", "ACTUAL", "LIBCOG")) {
                places.computeIfAbsent("insee-pays", k -> new ArrayList<>()).addAll(countries(csv));
            } else if (csv.has("COM_COMER", "LIBELLE", "COMER")) {
                places.computeIfAbsent("insee-comer", k -> new ArrayList<>()).addAll(comer(csv));
            } else {
                ignored.add(file.getFileName().toString());
            }
        }
        return new Content(places, events, ignored);
    }

    private static List<CogPlace> communes(InseeCsv csv) {
        List<CogPlace> out = new ArrayList<>();
        for (int i = 0; i < csv.rows.size(); i++) {
            Map<String, String> r = csv.rows.get(i);
            CogPlaceKind kind;
            try {
                kind = CogPlaceKind.ofTypecom(r.get("TYPECOM"));
            } catch (IllegalArgumentException e) {
                throw bad(csv, i, e.getMessage());
            }
            out.add(new CogPlace(code(csv, i, r.get("COM")), kind, name(csv, i, r.get("LIBELLE")), null, null,
                    blankToNull(r.get("COMPARENT")), "insee-communes"));
        }
        return out;
    }

    private static List<CogPlace> communesSince1943(InseeCsv csv) {
        List<CogPlace> out = new ArrayList<>();
        for (int i = 0; i < csv.rows.size(); i++) {
            Map<String, String> r = csv.rows.get(i);
            out.add(new CogPlace(code(csv, i, r.get("COM")), CogPlaceKind.COMMUNE, name(csv, i, r.get("LIBELLE")),
                    date(csv, i, r.get("DATE_DEBUT")), date(csv, i, r.get("DATE_FIN")), null, "insee-communes-1943"));
        }
        return out;
    }

    private static List<CogEvent> events(InseeCsv csv) {
        List<CogEvent> out = new ArrayList<>();
        for (int i = 0; i < csv.rows.size(); i++) {
            Map<String, String> r = csv.rows.get(i);
            int mod;
            try {
                mod = Integer.parseInt(r.get("MOD"));
            } catch (NumberFormatException e) {
                throw bad(csv, i, "MOD « " + r.get("MOD") + " » n'est pas un nombre");
            }
            LocalDate effective = date(csv, i, r.get("DATE_EFF"));
            if (effective == null) {
                throw bad(csv, i, "DATE_EFF absente");
            }
            out.add(new CogEvent(mod, effective, code(csv, i, r.get("COM_AV")), blankToNull(r.get("TYPECOM_AV")),
                    blankToNull(r.get("LIBELLE_AV")), code(csv, i, r.get("COM_AP")), blankToNull(r.get("TYPECOM_AP")),
                    blankToNull(r.get("LIBELLE_AP"))));
        }
        return out;
    }

    private static List<CogPlace> countries(InseeCsv csv) {
        List<CogPlace> out = new ArrayList<>();
        for (int i = 0; i < csv.rows.size(); i++) {
            Map<String, String> r = csv.rows.get(i);
            String actual = r.get("ACTUAL");
            CogPlaceKind kind = switch (actual == null ? "" : actual) {
                case "1" -> CogPlaceKind.PAYS;
                case "2" -> CogPlaceKind.PAYS_ANCIEN;
                case "3", "4" -> CogPlaceKind.TERRITOIRE;
                default -> throw bad(csv, i, "ACTUAL « " + actual + " » inattendu (1 à 4)");
            };
            String code = code(csv, i, r.get("COG"));
            if (!code.startsWith("99")) {
                throw bad(csv, i, "un code de pays commence par 99");
            }
            LocalDate from = csv.has("DATE_DEBUT") ? date(csv, i, r.get("DATE_DEBUT")) : yearStart(csv, i, r.get("ANI"));
            LocalDate to = csv.has("DATE_FIN") ? date(csv, i, r.get("DATE_FIN")) : null;
            String name = blankToNull(r.get("LIBENR")) != null ? r.get("LIBENR") : r.get("LIBCOG");
            out.add(new CogPlace(code, kind, name(csv, i, name), from, to, blankToNull(r.get("CRPAY")), "insee-pays"));
        }
        return out;
    }

    private static List<CogPlace> comer(InseeCsv csv) {
        List<CogPlace> out = new ArrayList<>();
        for (int i = 0; i < csv.rows.size(); i++) {
            Map<String, String> r = csv.rows.get(i);
            out.add(new CogPlace(code(csv, i, r.get("COM_COMER")), CogPlaceKind.COLLECTIVITE_OUTRE_MER,
                    name(csv, i, r.get("LIBELLE")), null, null, blankToNull(r.get("COMER")), "insee-comer"));
        }
        return out;
    }

    private static String code(InseeCsv csv, int row, String value) {
        String v = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(v).matches()) {
            throw bad(csv, row, "code « " + value + " » invalide (5 caractères attendus)");
        }
        return v;
    }

    private static String name(InseeCsv csv, int row, String value) {
        if (value == null || value.isBlank()) {
            throw bad(csv, row, "libellé absent");
        }
        if (value.length() > 200) {
            throw bad(csv, row, "libellé trop long");
        }
        return value.trim();
    }

    private static LocalDate date(InseeCsv csv, int row, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad(csv, row, "date « " + value + " » invalide (AAAA-MM-JJ attendu)");
        }
    }

    private static LocalDate yearStart(InseeCsv csv, int row, String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year.trim()), 1, 1);
        } catch (RuntimeException e) {
            throw bad(csv, row, "année « " + year + " » invalide");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static CogFormatException bad(InseeCsv csv, int row, String what) {
        // +2: the header is line 1, rows start at line 2.
        return new CogFormatException(csv.file.getFileName() + " ligne " + (row + 2) + " : " + what + ".");
    }
}
