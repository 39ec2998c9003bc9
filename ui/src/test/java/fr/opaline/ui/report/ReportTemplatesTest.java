package fr.opaline.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 19: a template is an outline with blanks; it never writes findings or a normal conclusion. */
class ReportTemplatesTest {

    private static final List<String> FINDINGS = List.of("sans anomalie", "sans particularité", "normal", "pas de",
            "absence", "homogène", "alithiasique", "non dilaté", "rien à signaler", "ras");

    @Test
    void everyTemplateIsHeadingsWithBlanksAndNoConclusion() throws Exception {
        Properties templates = new Properties();
        try (var in = ReportTemplates.class.getResourceAsStream("/fr/opaline/ui/report/report-templates.properties")) {
            templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(templates.stringPropertyNames()).isNotEmpty();
        for (String key : templates.stringPropertyNames()) {
            String value = templates.getProperty(key);
            if (key.endsWith(".conclusion")) {
                assertThat(value).as(key).isBlank();
            } else if (key.endsWith(".results")) {
                for (String line : value.split("\n")) {
                    assertThat(line.isBlank() || line.strip().endsWith(":")).as(key + " : « " + line + " »").isTrue();
                }
                String lower = " " + value.toLowerCase(Locale.FRENCH) + " ";
                for (String finding : FINDINGS) {
                    assertThat(lower).as(key).doesNotContain(" " + finding);
                }
            }
        }
    }

    @Test
    void anExamTypeGetsItsOwnOutlineThenItsModalitys() {
        ReportTemplates templates = new ReportTemplates();
        ExamType thorax = new ExamType(UUID.randomUUID(), "CT-THX", "Scanner thoracique", Modality.CT, null, null, null, 15,
                true);
        assertThat(templates.forExam(thorax)).hasValueSatisfying(t -> {
            assertThat(t.results()).startsWith("Parenchyme pulmonaire : ");
            assertThat(t.conclusion()).isEmpty();
        });
        ExamType other = new ExamType(UUID.randomUUID(), "MR-GEN", "IRM", Modality.MR, null, null, null, 30, true);
        assertThat(templates.forExam(other)).hasValueSatisfying(t -> assertThat(t.results()).startsWith("Séquences"));
    }
}
