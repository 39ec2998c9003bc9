package fr.opaline.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.core.document.Provenance;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.AppointmentStatus;
import fr.opaline.core.user.Role;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** French first, English complete: every text exists in both, and every pattern formats. */
class MessagesTest {

    static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/fr/opaline/ui/i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoValueUsesAStraightApostrophe() throws Exception {
        Properties fr = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
        for (Properties bundle : List.of(fr, en)) {
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertThat(value).as(key).doesNotContain("'").isNotBlank();
                new MessageFormat(value); // a broken pattern throws
            }
        }
    }

    @Test
    void everyShownEnumHasALabelInBothLanguages() {
        for (Messages messages : List.of(Messages.french(), Messages.load(Locale.ENGLISH))) {
            for (Class<? extends Enum<?>> type : List.of(Modality.class, AppointmentStatus.class, StepStatus.class,
                    Sex.class, IdentityStatus.class, Role.class, Provenance.class, DocumentStatus.class,
                    fr.opaline.core.statistics.Indicator.class, fr.opaline.core.statistics.IndicatorGroup.class,
                    fr.opaline.core.statistics.DocumentType.class)) {
                for (Enum<?> constant : type.getEnumConstants()) {
                    assertThat(messages.label(constant)).isNotBlank();
                }
            }
        }
    }

    @Test
    void frenchStaysFrenchOnAnEnglishMachine() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            Messages messages = Messages.load(Locale.FRENCH);
            assertThat(messages.get("nav.worklist")).isEqualTo("Liste de travail");
            assertThat(messages.longDate(LocalDate.of(2026, 3, 2))).isEqualTo("Lundi 2 mars 2026");
            assertThat(Messages.load(Locale.GERMAN).get("nav.worklist")).isEqualTo("Liste de travail");
            assertThat(Messages.load(Locale.ENGLISH).get("nav.worklist")).isEqualTo("Worklist");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void choicesAgree() {
        Messages fr = Messages.french();
        assertThat(fr.format("search.count", 1)).isEqualTo("1 patient trouvé");
        assertThat(fr.format("search.count", 3)).isEqualTo("3 patients trouvés");
        assertThat(fr.format("worklist.count.SCHEDULED", 46)).isEqualTo("46 programmés");
    }

    @Test
    void datesAreTypedTheFrenchWay() {
        assertThat(DateInput.parse("28/03/1979")).contains(LocalDate.of(1979, 3, 28));
        assertThat(DateInput.parse("28031979")).contains(LocalDate.of(1979, 3, 28));
        assertThat(DateInput.parse("1-2-2003")).contains(LocalDate.of(2003, 2, 1));
        assertThat(DateInput.parse("  ")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DateInput.parse("29/02/2023"))
                .hasMessageContaining("JJ/MM/AAAA");
    }
}
