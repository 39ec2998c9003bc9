package fr.opaline.ins.cog;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The commune referential shipped with Opaline (npm package @etalab/decoupage-administratif 6.0.0,
 * see packaging/communes): a fresh database knows the communes, delegated ones and former codes
 * without any file to fetch, and finds them by name.
 */
class BundledCommunesTest {

    @Test
    void aFreshDatabaseKnowsTheCommunesOnceAndFindsADelegatedCommuneByName() throws Exception {
        try (var db = TestDatabases.h2()) {
            CoreFixture f = new CoreFixture(db.database());
            CogService cog = new CogService(f.database, f.audit, f.ids, f.clock);
            assertThat(cog.isKnown("50129")).isFalse();

            CogImportReport report = cog.ensureBundledCommunes(f.secretary).orElseThrow();
            assertThat(report.places()).isEqualTo(37590 + 4240);
            assertThat(cog.ensureBundledCommunes(f.secretary)).as("already there").isEmpty();
            assertThat(EtalabCommunesImporter.bundledVersion()).isEqualTo("@etalab/decoupage-administratif 6.0.0");

            assertThat(cog.search("cherbourg-oct", LocalDate.of(1961, 4, 12), 10))
                    .anySatisfy(p -> {
                        assertThat(p.code()).isEqualTo("50129");
                        assertThat(p.name()).isEqualTo("Cherbourg-Octeville");
                        assertThat(p.kind()).isEqualTo(CogPlaceKind.COMMUNE_DELEGUEE);
                    });
            assertThat(cog.lookup("50383", null).orElseThrow().describe())
                    .isEqualTo("Ancienne commune (50383), aujourd'hui Cherbourg-en-Cotentin (50129)");
            assertThat(cog.lookup("75056", null).orElseThrow().place().name()).isEqualTo("Paris");
            assertThat(cog.lookup("2A004", null).orElseThrow().place().name()).isEqualTo("Ajaccio");
        }
    }
}
