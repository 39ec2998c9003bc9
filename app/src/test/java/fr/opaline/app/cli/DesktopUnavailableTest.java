package fr.opaline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DesktopUnavailableTest {

    @Test
    void aMissingGtkLibraryIsNamedWithItsPackageAndAMissingDisplayAsSuch() {
        assertThat(DesktopUnavailable.explain(new UnsupportedOperationException("Unable to load glass GTK library.")))
                .contains("GTK 3 manque").contains("apt-get install libgtk-3-0");
        assertThat(DesktopUnavailable.explain(new UnsupportedOperationException("Unable to open DISPLAY")))
                .contains("aucun écran").doesNotContain("GTK 3");
    }
}
