package fr.opaline.ui.report;

import fr.opaline.core.catalogue.ExamType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Report templates per exam type: the outline (headings with blanks, never findings) a radiologist
 * fills in. Looked
 * up by the exam's catalogue code, then by its modality ({@code report-templates.properties},
 * keys {@code <code or modality>.results} and {@code .conclusion}).
 */
public final class ReportTemplates {

    private static final String RESOURCE = "/fr/opaline/ui/report/report-templates.properties";

    private final Properties templates = new Properties();

    public ReportTemplates() {
        try (InputStream in = ReportTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Modèles de compte rendu absents : " + RESOURCE);
            }
            templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One template: the parts to put in the results and conclusion fields. */
    public record Template(String name, String results, String conclusion) {
    }

    public Optional<Template> forExam(ExamType exam) {
        if (exam == null) {
            return Optional.empty();
        }
        return find(exam.code(), exam.label()).or(() -> find(exam.modality().name(), exam.modality().label()));
    }

    private Optional<Template> find(String key, String name) {
        String results = templates.getProperty(key + ".results");
        if (results == null) {
            return Optional.empty();
        }
        return Optional.of(new Template(templates.getProperty(key + ".name", name), results,
                templates.getProperty(key + ".conclusion", "")));
    }
}
