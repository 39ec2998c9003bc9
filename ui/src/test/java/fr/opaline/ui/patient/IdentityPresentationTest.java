package fr.opaline.ui.patient;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.ui.i18n.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** REQUIREMENTS §1 / SC.INS: the status shows without a click and says how to reach "qualifiée". */
class IdentityPresentationTest {

    final Messages fr = Messages.french();

    @Test
    void eachStatusHasItsLabelColourAndWhatIsMissingToBeQualified() {
        IdentityPresentation provisoire = IdentityPresentation.of(IdentityStatus.PROVISOIRE, IdentityAttributes.NONE, fr);
        assertThat(provisoire.statusLabel()).isEqualTo("Identité provisoire");
        assertThat(provisoire.styleClass()).isEqualTo("identity-provisoire");
        assertThat(provisoire.tooltip()).contains("Pour atteindre « qualifiée »").contains("pièce d’identité")
                .contains("téléservice INSi").contains("ApCV");

        IdentityPresentation recuperee = IdentityPresentation.of(IdentityStatus.RECUPEREE, IdentityAttributes.NONE, fr);
        assertThat(recuperee.statusLabel()).isEqualTo("Identité récupérée");
        assertThat(recuperee.tooltip()).contains("Pour atteindre « qualifiée »").contains("pièce d’identité")
                .doesNotContain("récupérer l’INS");

        IdentityPresentation validee = IdentityPresentation.of(IdentityStatus.VALIDEE, IdentityAttributes.NONE, fr);
        assertThat(validee.statusLabel()).isEqualTo("Identité validée");
        assertThat(validee.tooltip()).contains("récupérer l’INS par le téléservice INSi");

        IdentityPresentation qualifiee = IdentityPresentation.of(IdentityStatus.QUALIFIEE, IdentityAttributes.NONE, fr);
        assertThat(qualifiee.statusLabel()).isEqualTo("Identité qualifiée");
        assertThat(qualifiee.shortLabel()).isEqualTo("Qualifiée");
        assertThat(qualifiee.tooltip()).doesNotContain("Pour atteindre").contains("transmise");
        assertThat(qualifiee.attributes()).isEmpty();
    }

    @Test
    void attributesShowAsChipsAndDoubtOrFictionBlocksQualification() {
        IdentityPresentation doubtful = IdentityPresentation.of(IdentityStatus.PROVISOIRE,
                new IdentityAttributes(true, true, true), fr);
        assertThat(doubtful.attributes()).extracting(IdentityPresentation.Chip::label)
                .containsExactly("Douteuse", "Fictive", "Homonyme");
        assertThat(doubtful.tooltip()).contains("reste provisoire tant que l’attribut n’est pas levé");
        IdentityPresentation homonym = IdentityPresentation.of(IdentityStatus.QUALIFIEE,
                new IdentityAttributes(false, false, true), fr);
        assertThat(homonym.tooltip()).doesNotContain("reste provisoire");
    }

    @Test
    void englishToo() {
        IdentityPresentation en = IdentityPresentation.of(IdentityStatus.VALIDEE, IdentityAttributes.NONE,
                Messages.load(Locale.ENGLISH));
        assertThat(en.statusLabel()).isEqualTo("Validated identity");
        assertThat(en.tooltip()).contains("To reach “qualified”");
    }
}
