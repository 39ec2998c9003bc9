package fr.opaline.documents.validation;

import com.helger.schematron.sch.SchematronResourceSCH;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import com.helger.schematron.svrl.jaxb.FailedAssert;
import com.helger.schematron.svrl.jaxb.SchematronOutputType;

/**
 * Runs ANS schematrons (ISO Schematron, xslt2, ph-schematron) on CDA files, each schematron
 * compiled once, and prints one line per failed assertion: "ERROR|schematron|role|location|text"
 * (or WARN), then "FILE|schematron|file|errors". Arguments: {@code SCH=<schematron> <file>…}
 * repeated. Run in its own process because the ANS rules open their value sets by paths relative
 * to the working directory; one process per working directory serves every schematron of a run.
 */
public final class SchematronMain {

    private SchematronMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        String current = null;
        for (String arg : args) {
            if (arg.startsWith("SCH=")) {
                current = arg.substring(4);
                runs.put(current, new ArrayList<>());
            } else if (current == null) {
                throw new IllegalArgumentException("SCH=<schematron> expected before " + arg);
            } else {
                runs.get(current).add(arg);
            }
        }
        for (var run : runs.entrySet()) {
            SchematronResourceSCH sch = new SchematronResourceSCH(
                    new com.helger.io.resource.FileSystemResource(new File(run.getKey())));
            if (!sch.isValidSchematron()) {
                System.out.println("INVALID_SCHEMATRON|" + run.getKey());
                System.exit(2);
            }
            for (String file : run.getValue()) {
                SchematronOutputType svrl = sch.applySchematronValidationToSVRL(new StreamSource(new File(file)));
                int errors = 0;
                for (Object o : svrl.getActivePatternAndFiredRuleAndFailedAssert()) {
                    if (o instanceof FailedAssert fa) {
                        String role = fa.getRole() == null ? "" : fa.getRole().toLowerCase(java.util.Locale.ROOT);
                        boolean error = !role.equals("warning") && !role.equals("info") && !role.equals("information");
                        StringBuilder text = new StringBuilder();
                        fa.getDiagnosticReferenceOrPropertyReferenceOrText().forEach(t -> text.append(t));
                        System.out.println((error ? "ERROR" : "WARN") + "|" + run.getKey() + "|" + role + "|"
                                + fa.getLocation() + "|" + text.toString().replaceAll("\\s+", " ").strip());
                        if (error) {
                            errors++;
                        }
                    }
                }
                System.out.println("FILE|" + run.getKey() + "|" + file + "|" + errors);
            }
        }
    }
}
