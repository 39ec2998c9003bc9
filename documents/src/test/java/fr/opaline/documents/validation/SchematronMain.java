package fr.opaline.documents.validation;

import com.helger.schematron.svrl.jaxb.FailedAssert;
import com.helger.schematron.svrl.jaxb.SchematronOutputType;
import com.helger.schematron.sch.SchematronResourceSCH;
import java.io.File;
import javax.xml.transform.stream.StreamSource;

/**
 * Runs one ANS schematron (ISO Schematron, xslt2, ph-schematron) on CDA files and prints one
 * line per failed assertion: "ERROR|role|location|text". Run in its own process because the ANS
 * rules open their value sets by paths relative to the working directory.
 */
public final class SchematronMain {

    public static void main(String[] args) throws Exception {
        SchematronResourceSCH sch = new SchematronResourceSCH(new com.helger.io.resource.FileSystemResource(new File(args[0])));
        if (!sch.isValidSchematron()) {
            System.out.println("INVALID_SCHEMATRON|" + args[0]);
            System.exit(2);
        }
        for (int i = 1; i < args.length; i++) {
            SchematronOutputType svrl = sch.applySchematronValidationToSVRL(new StreamSource(new File(args[i])));
            int errors = 0;
            for (Object o : svrl.getActivePatternAndFiredRuleAndFailedAssert()) {
                if (o instanceof FailedAssert fa) {
                    String role = fa.getRole() == null ? "" : fa.getRole().toLowerCase(java.util.Locale.ROOT);
                    boolean error = !role.equals("warning") && !role.equals("info") && !role.equals("information");
                    StringBuilder text = new StringBuilder();
                    fa.getDiagnosticReferenceOrPropertyReferenceOrText().forEach(t -> text.append(t));
                    System.out.println((error ? "ERROR" : "WARN") + "|" + role + "|" + fa.getLocation() + "|"
                            + text.toString().replaceAll("\\s+", " ").strip());
                    if (error) {
                        errors++;
                    }
                }
            }
            System.out.println("FILE|" + args[i] + "|" + errors);
        }
    }
}
