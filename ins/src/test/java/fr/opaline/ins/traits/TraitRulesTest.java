package fr.opaline.ins.traits;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TraitRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void insFormDropsDiacriticsKeepsHyphensAndApostrophes() {
        assertThat(InsText.toInsForm("Lefèvre-Saint’Œuf")).isEqualTo("LEFEVRE-SAINT'OEUF");
        assertThat(InsText.toInsForm("  marie-louise   anne ")).isEqualTo("MARIE-LOUISE ANNE");
        assertThat(InsText.toInsForm("N'Diaye")).isEqualTo("N'DIAYE");
    }

    @Test
    void validTraitsPassInAnySpelling() {
        assertThat(TraitRules.check(IdentityTraits.of("D'Almeida", "João Paulo", LocalDate.of(1971, 4, 9), Sex.M, "99139"),
                TODAY)).isEmpty();
        assertThat(TraitRules.check(IdentityTraits.of("Santoni", "Paul-Antoine", LocalDate.of(1980, 7, 14), Sex.M, "2a004"),
                TODAY)).isEmpty();
    }

    @Test
    void emptyOrMalformedTraitsAreNamed() {
        var problems = TraitRules.check(new IdentityTraits("", "", "", LocalDate.of(2030, 1, 1), Sex.U, "7505"), TODAY);
        assertThat(String.join("\n", problems)).contains("nom de naissance est obligatoire")
                .contains("prénom de naissance est obligatoire").contains("M ou F").contains("dans le futur")
                .contains("5 caractères");
        assertThat(TraitRules.check(IdentityTraits.of("Dupont2", "Jean", LocalDate.of(1980, 1, 1), Sex.M, null), TODAY))
                .singleElement().asString().contains("Dupont2");
    }
}
