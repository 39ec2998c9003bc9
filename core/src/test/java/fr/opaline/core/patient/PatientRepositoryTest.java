package fr.opaline.core.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PatientRepositoryTest {

    static java.util.stream.Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void createsProvisionalPatientsWithUniqueIppsAndAuditsIt(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Patient a = f.patient("DUPONT", "JEAN PIERRE", LocalDate.of(1970, 1, 2), Sex.M);
            Patient b = f.patient("DURAND", "MARIE", LocalDate.of(1980, 5, 6), Sex.F);
            assertThat(a.ipp()).isNotEqualTo(b.ipp());
            assertThat(a.status()).isEqualTo(IdentityStatus.PROVISOIRE);
            assertThat(a.traits().firstBirthFirstName()).isEqualTo("JEAN");
            Patient reread = f.patients.open(a.id(), f.secretary);
            assertThat(reread).usingRecursiveComparison().isEqualTo(a);
            assertThat(f.audit.forPatient(a.id(), 10)).extracting(e -> e.action())
                    .containsExactly(AuditAction.PATIENT_READ, AuditAction.PATIENT_CREATED);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void searchesByNamePrefixIgnoringAccentsOnBirthAndUsedNames(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Patient helene = f.patients.create(new NewPatient(IdentityTraits.of("LEFEVRE", "HELENE", LocalDate.of(1960, 2, 3),
                    Sex.F, "75056"), "Bérénger", "Hélène", null, null), f.secretary);
            f.patient("LEFEBVRE", "PAUL", LocalDate.of(1990, 1, 1), Sex.M);
            f.patient("MARTIN", "LUC", LocalDate.of(1991, 1, 1), Sex.M);
            f.patient("LE_GALL%", "ANNE", LocalDate.of(1992, 1, 1), Sex.F);

            PatientRepository repository = new PatientRepository(db.database().dsl());
            assertThat(repository.search(PatientQuery.byName("lefè"))).extracting(p -> p.traits().birthName())
                    .containsExactly("LEFEBVRE", "LEFEVRE");
            assertThat(repository.search(PatientQuery.byName("beren"))).extracting(Patient::id).containsExactly(helene.id());
            assertThat(repository.search(new PatientQuery("LEF", "hél", null, null, null, 10)))
                    .extracting(Patient::id).containsExactly(helene.id());
            assertThat(repository.search(new PatientQuery("le", null, LocalDate.of(1990, 1, 1), null, null, 10)))
                    .extracting(p -> p.traits().birthName()).containsExactly("LEFEBVRE");
            // LIKE wildcards typed by the user are literal characters
            assertThat(repository.search(PatientQuery.byName("%"))).isEmpty();
            assertThat(repository.search(PatientQuery.byName("M"))).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesAStaleUpdate(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Patient p = f.patient("DUPONT", "JEAN", LocalDate.of(1970, 1, 2), Sex.M);
            f.patients.update(p.id(), current -> current.withUsedNames("Dupont-Aignan", "Jean"), "nom d'usage", f.secretary);
            PatientRepository repository = new PatientRepository(db.database().dsl());
            assertThatThrownBy(() -> repository.update(p.withUsedNames("X", "Y"), f.clock.instant()))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("modifié entre-temps");
            assertThat(repository.findById(p.id()).orElseThrow().usedName()).isEqualTo("Dupont-Aignan");
        }
    }

    /**
     * The name search must be an index range scan on H2: a filter H2 can answer with another index
     * (merged_into_id is null, every patient) made each search read the whole table.
     */
    @org.junit.jupiter.api.Test
    void theNameSearchOnH2ScansTheNameIndexesNotTheMergedIdentitiesIndex() throws Exception {
        try (var db = TestDatabases.h2()) {
            PatientRepository repository = new PatientRepository(db.database().dsl());
            var tables = fr.opaline.core.persistence.generated.Tables.PATIENT;
            for (var column : java.util.List.of(tables.SEARCH_BIRTH_NAME, tables.SEARCH_USED_NAME)) {
                String plan = db.database().dsl().fetchOne("explain " + repository.byPrefix(column, "MART%",
                        PatientRepository.notMerged(), 50).getSQL(org.jooq.conf.ParamType.INLINED)).get(0, String.class);
                assertThat(plan).as(plan).containsIgnoringCase("PATIENT_SEARCH_" + (column == tables.SEARCH_BIRTH_NAME
                        ? "BIRTH" : "USED") + "_IX");
            }
        }
    }
}
