package fr.opaline.ui.insi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.insi.InsiLookupResult.Outcome;
import fr.opaline.ins.insi.TraitComparison;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientDirectory;
import fr.opaline.ui.testing.DesktopFixture;
import fr.opaline.ui.testing.Direct;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INS récupération from the record against the sandbox INSi over SOAP (SC.INS.13–15). */
class InsiRetrievalViewModelTest {

    DesktopFixture f;
    InsiRetrievalViewModel model;

    @BeforeEach
    void open() throws Exception {
        f = new DesktopFixture();
        f.withInsi();
        f.withCommunes();
        PatientDirectory directory = new PatientDirectory(f.signedIn(f.secretary));
        model = new InsiRetrievalViewModel(directory.identity(), Direct.background(),
                Messages.french(), () -> f.actor, directory::birthplace);
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void aDifferenceWaitsForTheUsersOneClickValidation() {
        Patient created = f.core.patient("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", LocalDate.of(1979, 3, 28), Sex.F);
        // A wrong matricule typed earlier: INSi's differs, so the user has to compare and decide.
        Patient local = f.core.patients.update(created.id(), p -> p.withIdentity(p.traits(),
                new InsNumber(DesktopFixture.nir("2790351215999"), InsNumber.OID_TEST_NIR), IdentityStatus.PROVISOIRE,
                IdentityAttributes.NONE, null, null), "test", f.core.secretary);
        AtomicReference<Patient> updated = new AtomicReference<>();

        model.lookupForPatient(local.id(), updated::set);

        assertThat(model.resultProperty().get().outcome()).isEqualTo(Outcome.A_VALIDER);
        assertThat(model.validatableProperty().get()).isTrue();
        assertThat(model.comparisons()).filteredOn(c -> c.trait().equals("Matricule INS")).singleElement()
                .extracting(TraitComparison::concordance).isEqualTo(TraitComparison.Concordance.DIFFERENT);
        // As the desk reads it: dd/MM/yyyy, the sex in words, birthplaces named with the code in the tooltip.
        assertThat(model.shown()).extracting(t -> t.comparison().trait(), ShownTrait::local, ShownTrait::insi)
                .contains(org.assertj.core.groups.Tuple.tuple("Date de naissance", "28/03/1979", "28/03/1979"),
                        org.assertj.core.groups.Tuple.tuple("Sexe", "Femme", "Femme"),
                        org.assertj.core.groups.Tuple.tuple("Lieu de naissance", "Paris (75)", "Dompremy (51)"));
        assertThat(model.shown()).filteredOn(t -> t.comparison().trait().equals("Lieu de naissance")).singleElement()
                .satisfies(t -> assertThat(t.insiTip()).startsWith("Code INSEE 51215"));
        assertThat(updated.get()).isNull();
        assertThat(new PatientRepository(f.db.database().dsl()).findById(local.id()).orElseThrow().status())
                .isEqualTo(IdentityStatus.PROVISOIRE);

        model.confirm(updated::set);

        assertThat(updated.get().status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThat(updated.get().ins().matricule()).isEqualTo("279035121518989");
        assertThat(model.resultProperty().get()).isNull();
    }

    @Test
    void unknownTraitsGiveInsiMessageAndAdviceAndChangeNothing() {
        Patient local = f.core.patient("INCONNU", "PERSONNE", LocalDate.of(1970, 1, 1), Sex.M);

        model.lookupForPatient(local.id(), p -> { });

        assertThat(model.resultProperty().get().outcome()).isEqualTo(Outcome.AUCUNE_IDENTITE);
        assertThat(model.resultProperty().get().message()).contains("retour 01");
        assertThat(model.validatableProperty().get()).isFalse();
        assertThat(model.foundIdentity()).isFalse();
    }

    @Test
    void withoutInsServicesTheUserIsToldAndNothingRuns() {
        InsiRetrievalViewModel none = new InsiRetrievalViewModel(null, Direct.background(),
                Messages.french(), () -> f.actor);
        none.lookupTraits(f.provisional.traits());
        assertThat(none.errorProperty().get()).isEqualTo("Le téléservice INSi n’est pas disponible sur ce poste.");
        assertThat(none.busyProperty().get()).isFalse();
    }
}
