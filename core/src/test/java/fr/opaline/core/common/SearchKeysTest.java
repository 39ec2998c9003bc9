package fr.opaline.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void foldsAccentsCaseLigaturesAndSeparators() {
        assertThat(SearchKeys.fold("Lefèvre-Saint'Œuf")).isEqualTo("LEFEVRE SAINT OEUF");
        assertThat(SearchKeys.fold("  d'Aubigné  ")).isEqualTo("D AUBIGNE");
        assertThat(SearchKeys.fold("Æsa Strauß")).isEqualTo("AESA STRAUSS");
        assertThat(SearchKeys.fold("ÉLODIE")).isEqualTo("ELODIE");
        assertThat(SearchKeys.fold(null)).isNull();
    }
}
