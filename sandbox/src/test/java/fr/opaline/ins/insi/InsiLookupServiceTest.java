package fr.opaline.ins.insi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.ins.insi.InsiLookupResult.Outcome;
import fr.opaline.ins.insi.TraitComparison.Concordance;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.ins.testing.InsiKit;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.InsSource;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The récupération sequence of REQUIREMENTS §2 / DSR 3.2.8 (SC.INS.13, SC.INS.14, SC.INS.15, SC.INS.19)
 * against the sandbox INSi over the network: first call without birthplace, relaunch on 02,
 * automatic récupération when all traits concord, comparison otherwise, adapted messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsiLookupServiceTest {

    TestDatabases.TestDatabase db;
    CoreFixture f;
    InsiKit kit;
    InsiSandbox sandbox;
    IdentityStatusService statuses;
    InsiLookupService lookup;

    @BeforeAll
    void setUp() throws Exception {
        db = TestDatabases.h2();
        f = new CoreFixture(db.database());
        kit = new InsiKit(f, code -> !code.equals("50173"));
        sandbox = kit.sandbox;
        statuses = kit.statuses;
        lookup = kit.lookup;
    }

    @BeforeEach
    void forgetRequests() {
        sandbox.clearReceived();
    }

    @AfterAll
    void tearDown() throws Exception {
        kit.close();
        db.close();
    }

    Patient patient(String birthName, String firstNames, String date, Sex sex, String place) {
        return f.patients.create(NewPatient.of(IdentityTraits.of(birthName, firstNames, LocalDate.parse(date), sex, place)),
                f.secretary);
    }

    @Test
    void allTraitsConcordSoTheInsIsTakenAutomaticallyAccentsAside() {
        Patient p = patient("Lefèvre", "Hélène", "1962-11-03", Sex.F, "59350");
        InsiLookupResult r = lookup.lookupForPatient(p.id(), f.secretary);
        assertThat(r.outcome()).isEqualTo(Outcome.RECUPEREE_AUTOMATIQUEMENT);
        assertThat(r.patient().status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThat(r.patient().traits().birthName()).isEqualTo("LEFEVRE");
        assertThat(r.patient().traits().birthFirstNames()).isEqualTo("HELENE MARIE");
        assertThat(r.patient().displayName()).isEqualTo("Lefèvre Hélène"); // accents kept apart, as used names
        assertThat(r.patient().ins().matricule()).isEqualTo("262115935023140");
        assertThat(r.attempts()).hasSize(1);
        assertThat(sandbox.received().get(0).fields().get("LieuNaissance")).isNull(); // first call without COG
        assertThat(statuses.history(p.id())).singleElement().satisfies(h -> assertThat(h.reason()).contains("automatique"));
        assertThat(f.audit.forPatient(p.id(), 20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("INSI_CALLED");
            assertThat(e.detail()).contains("→ 00");
        });
    }

    @Test
    void on02TheCallIsRelaunchedWithTheBirthplace() {
        Patient p = patient("Martin", "Claire", "1985-06-14", Sex.F, "75114");
        InsiLookupResult r = lookup.lookupForPatient(p.id(), f.secretary);
        assertThat(r.attempts()).extracting(InsiLookupResult.Attempt::code).containsExactly("02", "00");
        assertThat(r.attempts()).extracting(InsiLookupResult.Attempt::withBirthplace).containsExactly(false, true);
        assertThat(sandbox.received()).extracting(q -> q.fields().get("LieuNaissance")).containsExactly(null, "75114");
        assertThat(r.outcome()).isEqualTo(Outcome.RECUPEREE_AUTOMATIQUEMENT);
    }

    @Test
    void homonymsWithoutBirthplaceAskForIt() {
        Patient p = patient("Martin", "Claire", "1985-06-14", Sex.F, null);
        InsiLookupResult r = lookup.lookupForPatient(p.id(), f.secretary);
        assertThat(r.outcome()).isEqualTo(Outcome.PLUSIEURS_IDENTITES);
        assertThat(r.attempts()).hasSize(1);
        assertThat(r.advice()).contains("lieu de naissance");
        Patient same = patient("Durand", "Pierre", "1990-01-01", Sex.M, "13201");
        InsiLookupResult twice = lookup.lookupForPatient(same.id(), f.secretary);
        assertThat(twice.outcome()).isEqualTo(Outcome.PLUSIEURS_IDENTITES);
        assertThat(twice.message()).contains("même avec le lieu de naissance");
        assertThat(twice.advice()).contains("carte Vitale");
    }

    @Test
    void noIdentityFoundGivesAdviceAndChangesNothing() {
        Patient p = patient("Absent", "Jean", "2001-01-01", Sex.M, null);
        InsiLookupResult r = lookup.lookupForPatient(p.id(), f.secretary);
        assertThat(r.outcome()).isEqualTo(Outcome.AUCUNE_IDENTITE);
        assertThat(r.message()).contains("01");
        assertThat(r.advice()).contains("orthographe").contains("carte Vitale");
        assertThat(f.patients.open(p.id(), f.secretary).status()).isEqualTo(IdentityStatus.PROVISOIRE);
        assertThat(statuses.history(p.id())).isEmpty();
    }

    @Test
    void aDifferentMatriculeIsShownAndValidatedInOneClick() {
        Patient p = patient("Rousseau", "Luc", "1988-08-08", Sex.M, "44109");
        // The record holds the person's former NIA.
        p = statuses.recordInsRetrieval(p.id(), new InsNumber("788089935001232", InsNumber.OID_TEST_NIA), p.traits(),
                InsSource.INSI_TRAITS, "ancienne INS", f.secretary);
        InsiLookupResult r = lookup.lookupForPatient(p.id(), f.secretary);
        assertThat(r.outcome()).isEqualTo(Outcome.A_VALIDER);
        assertThat(r.comparisons()).filteredOn(c -> c.trait().equals("Matricule INS")).singleElement()
                .satisfies(c -> assertThat(c.concordance()).isEqualTo(Concordance.DIFFERENT));
        Patient confirmed = lookup.confirm(p.id(), r, InsSource.INSI_TRAITS, f.secretary);
        assertThat(confirmed.ins().matricule()).isEqualTo("188084410920329");
        assertThat(statuses.history(p.id()).get(1).reason()).contains("validée par l'utilisateur (1 différence");
    }

    @Test
    void carteVitaleWithADifferentBirthNameIsToValidate() {
        Patient p = patient("Moreau-Dubois", "Léa", "2012-05-06", Sex.F, "44109");
        InsiLookupResult r = lookup.lookupByCarteVitale(p.id(),
                new CarteVitaleQuery(null, "1751044109118", null, "2012-05-06", "1"), f.secretary);
        assertThat(r.outcome()).isEqualTo(Outcome.A_VALIDER);
        assertThat(r.comparisons()).filteredOn(c -> c.trait().equals("Nom de naissance")).singleElement()
                .satisfies(c -> assertThat(c.concordance()).isEqualTo(Concordance.DIFFERENT));
        assertThat(f.patients.open(p.id(), f.secretary).status()).isEqualTo(IdentityStatus.PROVISOIRE);
    }

    @Test
    void aBirthplaceUnknownLocallyIsFlaggedForAcceptance() {
        Patient p = patient("Lemarchand", "Thérèse", "1970-05-10", Sex.F, "50129");
        InsiLookupResult r = lookup.lookupForPatient(p.id(), f.secretary);
        assertThat(r.outcome()).isEqualTo(Outcome.RECUPEREE_AUTOMATIQUEMENT); // the birthplace is not an automatic criterion
        assertThat(r.birthplaceKnown()).isFalse();
        assertThat(r.message()).contains("50173").contains("accepter");
        assertThat(r.comparisons()).filteredOn(c -> c.trait().equals("Lieu de naissance")).singleElement()
                .satisfies(c -> assertThat(c.concordance()).isEqualTo(Concordance.DIFFERENT));
    }

    @Test
    void technicalFailuresAndBadTraitsChangeNothing() {
        Patient p = patient("Pat-Trois", "Dominique", "1979-03-28", Sex.F, "51215");
        sandbox.failNext(InsiSandbox.Failure.TRUNCATED);
        InsiLookupResult r = lookup.lookupForPatient(p.id(), f.secretary);
        assertThat(r.outcome()).isEqualTo(Outcome.ERREUR_TECHNIQUE);
        assertThat(r.advice()).contains("Aucune donnée n'a été modifiée");
        Patient empty = patient("", "", "1979-03-28", Sex.F, null);
        assertThat(lookup.lookupForPatient(empty.id(), f.secretary).outcome()).isEqualTo(Outcome.TRAITS_INVALIDES);
        assertThat(sandbox.received()).isEmpty();
        assertThat(f.patients.open(p.id(), f.secretary).rowVersion()).isEqualTo(p.rowVersion());
        InsiLookupService unconfigured = new InsiLookupService(null, f.database, f.patients, statuses, f.audit, f.clock, null);
        assertThat(unconfigured.lookup(p.traits(), null).outcome()).isEqualTo(Outcome.INSI_NON_CONFIGURE);
    }

    @Test
    void aNewRecordCanBeMadeFromTheInsiAnswer() {
        InsiLookupResult r = lookup.lookupByCarteVitale(null,
                new CarteVitaleQuery("1751044109118", "1751044109118", null, "1975-10-20", "1"), f.secretary);
        Patient created = lookup.createFromInsi(r.identity(), InsSource.INSI_CARTE_VITALE, "Moreau", "Philippe", f.secretary);
        assertThat(created.status()).isEqualTo(IdentityStatus.RECUPEREE);
        assertThat(created.usedFirstName()).isEqualTo("Philippe");
        assertThat(created.traits().birthFirstNames()).isEqualTo("PHILIPPE");
    }
}
