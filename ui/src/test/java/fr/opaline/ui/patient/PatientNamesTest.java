package fr.opaline.ui.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatientNamesTest {

    @Test
    void firstNamesInCapitalsAreWrittenAsNamesAndTypedOnesAreKept() {
        assertThat(PatientNames.capitalised("JEAN-PIERRE")).isEqualTo("Jean-Pierre");
        assertThat(PatientNames.capitalised("MARIE ANNE")).isEqualTo("Marie Anne");
        assertThat(PatientNames.capitalised("Éloïse")).isEqualTo("Éloïse");
        assertThat(PatientNames.capitalised("")).isEmpty();
    }
}
