package fr.opaline.ins.matricule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.InsRuleException;
import org.junit.jupiter.api.Test;

/** Format and key of the matricule INS (NIR/NIA), the four INS OIDs, clear French refusals. */
class MatriculeRulesTest {

    @Test
    void validMatriculesPassWithSpacesRemoved() {
        assertThat(MatriculeRules.check("2 79 03 51 215 189 89").normalized()).isEqualTo("279035121518989");
        assertThat(MatriculeRules.check("279035121518989").valid()).isTrue();
        assertThat(MatriculeRules.check("180072a00403137").valid()).isTrue(); // Corsica, typed in lower case
        assertThat(MatriculeRules.check("895129934100874").valid()).isTrue(); // NIA, born abroad
    }

    @Test
    void aWrongKeySaysWhichKeyWasExpected() {
        MatriculeCheck check = MatriculeRules.check("279035121518988");
        assertThat(check.valid()).isFalse();
        assertThat(check.problems()).containsExactly("Clé de contrôle incorrecte : « 88 » saisie, « 89 » attendue pour "
                + "2790351215189. Vérifiez la saisie du matricule.");
    }

    @Test
    void fourteenDigitsLettersAndEmptyAreRefused() {
        assertThat(MatriculeRules.check("27903512151898").problems()).singleElement().asString()
                .contains("15 caractères").contains("en compte 14");
        assertThat(MatriculeRules.check("2790351215X8989").problems()).singleElement().asString()
                .contains("« X »").contains("position 11");
        assertThat(MatriculeRules.check("2790352A1518989").problems()).singleElement().asString()
                .contains("position 8"); // 2A only at positions 6-7
        assertThat(MatriculeRules.check("").problems()).containsExactly("Le matricule INS est vide.");
        assertThat(MatriculeRules.check(null).valid()).isFalse();
    }

    @Test
    void impossibleSexMonthOrDepartmentAreNamed() {
        assertThat(String.join(" ", MatriculeRules.check(withKey("5790351215189")).problems())).contains("1er chiffre");
        assertThat(String.join(" ", MatriculeRules.check(withKey("2791351215189")).problems())).contains("mois");
        assertThat(String.join(" ", MatriculeRules.check(withKey("2790300215189")).problems())).contains("« 00 »");
    }

    @Test
    void theOidMustBeOneOfTheFourInsOids() {
        assertThat(MatriculeRules.requireValid(new InsNumber("279035121518989", InsNumber.OID_TEST_NIR)).oid())
                .isEqualTo("1.2.250.1.213.1.4.10");
        assertThatThrownBy(() -> MatriculeRules.requireValid(new InsNumber("279035121518989", "1.2.250.1.213.1.4.2")))
                .isInstanceOf(InsRuleException.class).hasMessageContaining("OID « 1.2.250.1.213.1.4.2 » inconnu");
        assertThat(MatriculeRules.oidLabel(InsNumber.OID_NIA)).isEqualTo("NIA");
    }

    @Test
    void sexComesFromTheFirstDigit() {
        assertThat(MatriculeRules.sexOf("279035121518989")).isEqualTo(Sex.F);
        assertThat(MatriculeRules.sexOf("180072A00403137")).isEqualTo(Sex.M);
    }

    static String withKey(String first13) {
        return first13 + MatriculeKey.of(first13);
    }
}
