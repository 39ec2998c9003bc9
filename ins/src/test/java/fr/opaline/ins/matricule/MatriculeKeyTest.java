package fr.opaline.ins.matricule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatriculeKeyTest {

    @Test
    void keyOfTheAnsExamplePatient() {
        // PAT-TROIS DOMINIQUE in the ANS fixtures: 279035121518989
        assertThat(MatriculeKey.of("2790351215189")).isEqualTo("89");
    }

    @Test
    void corsicaCountsAs19And18() {
        String a = "1850" + "12A" + "004" + "123";
        String b = "1850" + "12B" + "033" + "123";
        assertThat(MatriculeKey.of(a.substring(0, 13))).isEqualTo(
                String.format("%02d", 97 - new java.math.BigInteger("1850119004123").mod(java.math.BigInteger.valueOf(97)).intValue()));
        assertThat(MatriculeKey.of(b.substring(0, 13))).isEqualTo(
                String.format("%02d", 97 - new java.math.BigInteger("1850118033123").mod(java.math.BigInteger.valueOf(97)).intValue()));
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThatThrownBy(() -> MatriculeKey.of("123")).hasMessageContaining("13 caractères");
        assertThatThrownBy(() -> MatriculeKey.of("1850X12345678")).hasMessageContaining("chiffres");
    }
}
