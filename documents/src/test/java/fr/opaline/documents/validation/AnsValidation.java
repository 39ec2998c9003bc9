package fr.opaline.documents.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ANS validation material of {@code shared/cda-validation}, made runnable: a working copy
 * where IHE.sch's includes are resolved case-insensitively and the value-set file the
 * structuration minimale rules need (JDV_J07 XdsTypeCode, 1.2.250.1.213.1.1.5.471) is generated
 * from {@code jeuxDeValeurs/}; xmllint for the CDA schema; schematrons in a child JVM whose
 * working directory is where the rules expect it.
 */
public final class AnsValidation {

    public record Outcome(int errors, List<String> messages) {
    }

    private final Path shared;
    private final Path copy;

    public AnsValidation(Path workDir) throws IOException {
        this.shared = Path.of(System.getProperty("opaline.shared", "../../shared")).resolve("cda-validation");
        this.copy = workDir.resolve("cda-validation");
        copyTree(shared.resolve("schematrons"), copy.resolve("schematrons"));
        copyTree(shared.resolve("jeuxDeValeurs"), copy.resolve("jeuxDeValeurs"));
        fixIncludeCase(copy.resolve("schematrons/profils/IHE.sch"));
        generateValueSet("JDV_J07_XdsTypeCode_CISIS.xml", "1.2.250.1.213.1.1.5.471",
                copy.resolve("schematrons/profils/structurationMinimale/include/voc-1.2.250.1.213.1.1.5.471-DYNAMIC.xml"));
    }

    public static boolean available() {
        return Files.isDirectory(Path.of(System.getProperty("opaline.shared", "../../shared")).resolve("cda-validation"));
    }

    public Path schema() {
        return shared.resolve("infrastructure/cda/CDA_extended.xsd");
    }

    public Outcome xmllint(Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of("xmllint", "--noout", "--schema", schema().toString()));
        for (Path f : files) {
            command.add(f.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(2, TimeUnit.MINUTES);
        return new Outcome(p.exitValue() == 0 ? 0 : 1, List.of(out.split("\n")));
    }

    /**
     * Runs each schematron (path relative to schematrons/) on its files from {@code workingDir}
     * (relative to schematrons/), in one child JVM where each schematron is compiled once.
     * @return the outcome per schematron and file, keyed by {@link #key(String, Path)}
     */
    public Map<String, Outcome> schematrons(String workingDir, Map<String, List<Path>> runs) throws Exception {
        Path dir = copy.resolve("schematrons").resolve(workingDir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss8m", "-cp", System.getProperty("java.class.path"), SchematronMain.class.getName()));
        for (var run : runs.entrySet()) {
            command.add("SCH=" + copy.resolve("schematrons").resolve(run.getKey()));
            run.getValue().forEach(f -> command.add(f.toAbsolutePath().toString()));
        }
        Path log = Files.createTempFile(copy, "schematron-", ".out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(10, TimeUnit.MINUTES);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!ended || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("schematrons " + runs.keySet() + " failed: " + out);
        }
        Map<String, Integer> errors = new LinkedHashMap<>();
        Map<String, List<String>> messages = new LinkedHashMap<>();
        String prefix = copy.resolve("schematrons") + "/";
        for (String line : out.split("\n")) {
            String[] parts = line.split("\\|", 3);
            if (parts.length < 3 || !parts[1].startsWith(prefix)) {
                continue;
            }
            String sch = parts[1].substring(prefix.length());
            if (parts[0].equals("FILE")) {
                int bar = parts[2].lastIndexOf('|');
                errors.put(key(sch, Path.of(parts[2].substring(0, bar))), Integer.parseInt(parts[2].substring(bar + 1).strip()));
            } else if (parts[0].equals("ERROR")) {
                messages.computeIfAbsent(sch, k -> new ArrayList<>()).add(line);
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (var run : runs.entrySet()) {
            for (Path f : run.getValue()) {
                String key = key(run.getKey(), f);
                Integer n = errors.get(key);
                outcomes.put(key, n == null ? new Outcome(1, List.of("no result for " + key + ": " + out))
                        : new Outcome(n, messages.getOrDefault(run.getKey(), List.of())));
            }
        }
        return outcomes;
    }

    /** The key of one schematron's outcome on one file in {@link #schematrons}. */
    public static String key(String schematron, Path file) {
        return schematron + " on " + file.toAbsolutePath();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    target.toFile().setWritable(true);
                }
            }
        }
    }

    /** IHE.sch names some includes with another letter case than the files: use the files' names. */
    private static void fixIncludeCase(Path sch) throws IOException {
        String text = Files.readString(sch, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String href = m.group(1);
            Path target = sch.getParent().resolve(href).normalize();
            String fixed = href;
            if (!Files.exists(target) && Files.isDirectory(target.getParent())) {
                try (Stream<Path> siblings = Files.list(target.getParent())) {
                    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
                    fixed = siblings.filter(s -> s.getFileName().toString().toLowerCase(Locale.ROOT).equals(name)).findFirst()
                            .map(s -> href.substring(0, href.lastIndexOf('/') + 1) + s.getFileName()).orElse(href);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + fixed + "\""));
        }
        m.appendTail(out);
        Files.writeString(sch, out, StandardCharsets.UTF_8);
    }

    /** Writes an ART-DECOR style value set (what the structuration minimale rules read) from an SVS JDV file. */
    private void generateValueSet(String jdv, String oid, Path target) throws IOException {
        String svs = Files.readString(copy.resolve("jeuxDeValeurs").resolve(jdv), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<valueSets>\n<valueSet id=\"")
                .append(oid).append("\"><conceptList>\n");
        Matcher m = Pattern.compile("<Concept\\s+code=\"([^\"]+)\"\\s+codeSystem=\"([^\"]+)\"").matcher(svs);
        while (m.find()) {
            out.append("<concept code=\"").append(m.group(1)).append("\" codeSystem=\"").append(m.group(2)).append("\"/>\n");
        }
        out.append("</conceptList></valueSet>\n</valueSets>\n");
        Files.writeString(target, out, StandardCharsets.UTF_8);
    }
}
