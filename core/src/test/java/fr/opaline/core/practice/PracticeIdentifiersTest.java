package fr.opaline.core.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Site identifiers used in documents and statistics (SC.STAT/ES.04: FINESS, SIRET, RPPS-rang). */
class PracticeIdentifiersTest {

    @Test
    void finessWithItsLuhnKeyAndTheSpacesOfItsUsualDisplay() {
        assertThat(PracticeIdentifiers.finess("750712184")).isEqualTo("750712184");
        assertThat(PracticeIdentifiers.finess(" 01 000 382 0 ")).isEqualTo("010003820");
        assertThat(PracticeIdentifiers.finess("2a0001234")).as("Corsica: format only").isEqualTo("2A0001234");
        assertThatThrownBy(() -> PracticeIdentifiers.finess("750712185"))
                .hasMessageContaining("clé de contrôle");
        assertThatThrownBy(() -> PracticeIdentifiers.finess("75071218"))
                .hasMessageContaining("9 caractères");
        assertThatThrownBy(() -> PracticeIdentifiers.finess("7507X2184"))
                .hasMessageContaining("9 caractères");
    }

    @Test
    void siretWithItsLuhnKeyAndLaPostesOwnRule() {
        assertThat(PracticeIdentifiers.siret("732 829 320 00074")).isEqualTo("73282932000074");
        assertThatThrownBy(() -> PracticeIdentifiers.siret("73282932000075")).hasMessageContaining("clé de contrôle");
        assertThatThrownBy(() -> PracticeIdentifiers.siret("7328293200007")).hasMessageContaining("14 chiffres");
        // La Poste (SIREN 356000000): the sum of the digits is a multiple of 5, Luhn or not.
        assertThat(PracticeIdentifiers.siret("35600000000010")).isEqualTo("35600000000010");
        assertThatThrownBy(() -> PracticeIdentifiers.siret("35600000000011")).hasMessageContaining("clé de contrôle");
    }

    @Test
    void rppsRangIsAnRppsNumberFollowedByTheRankOfTheCabinet() {
        assertThat(PracticeIdentifiers.rppsRang("1000123456701")).isEqualTo("1000123456701");
        assertThat(PracticeIdentifiers.rppsRang("10001234567/01")).isEqualTo("1000123456701");
        assertThat(PracticeIdentifiers.rppsRang("10001234567 02")).isEqualTo("1000123456702");
        assertThatThrownBy(() -> PracticeIdentifiers.rppsRang("10001234567")).hasMessageContaining("13 chiffres");
        assertThatThrownBy(() -> PracticeIdentifiers.rppsRang("1000123456700")).hasMessageContaining("01 à 99");
    }
}
