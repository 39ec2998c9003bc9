package fr.opaline.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AeTitleTest {

    @Test
    void leadingAndTrailingSpacesAreNotSignificant() {
        assertThat(AeTitle.of("  CT_SALLE1 ").value()).isEqualTo("CT_SALLE1");
        assertThat(AeTitle.of("IRM 1").value()).as("inner spaces stay").isEqualTo("IRM 1");
        assertThat(AeTitle.of("A".repeat(16)).value()).hasSize(16);
        assertThat(AeTitle.of("!#$%&'()*+,-./:;").value()).hasSize(16);
        assertThat(AeTitle.of("<=>?@[]^_`{|}~").value()).hasSize(14);
    }

    @Test
    void everyWrongTitleGetsTheOneFrenchMessage() {
        for (String wrong : Arrays.asList(null, "", "    ", "A".repeat(17), "A\\B", "CT\r\nX", "TAB\tX", "SALLE_É",
                "\u0000")) {
            assertThat(AeTitle.isValid(wrong)).as(String.valueOf(wrong)).isFalse();
            assertThatThrownBy(() -> AeTitle.of(wrong)).as(String.valueOf(wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Titre AE invalide « ")
                    .hasMessageEndingWith(" » : 1 à 16 caractères ASCII imprimables, sans « \\ »")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\t"));
        }
    }

    @Test
    void theRecordHoldsOnlyTrimmedValidTitles() {
        assertThatThrownBy(() -> new AeTitle(" CT1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AeTitle("CT1")).isEqualTo(AeTitle.of(" CT1 "));
    }
}
