package fr.opaline.ins.cog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SC.INS.01, SC.INS.02, SC.INS.03, SC.INS.05, SC.INS.06: the INSEE COG files (communes, communes
 * since 1943, events, countries, collectivités d'outre-mer) in their published CSV format, the
 * npm package of Etalab, lookups at the birth date, merged communes, accepted codes.
 */
class CogServiceTest {

    @TempDir
    Path dir;

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(CogServiceTest.class.getResource("/cog/" + name).toURI());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void inseeFilesGiveCommunesWithHistoryCountriesAndOverseas(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            CogService cog = new CogService(f.database, f.audit, f.ids, f.clock);
            CogImportReport report = cog.importInsee(resource("insee"), f.secretary);
            assertThat(report.placesBySource()).containsEntry("insee-communes", 9).containsEntry("insee-communes-1943", 5)
                    .containsEntry("insee-pays", 5).containsEntry("insee-comer", 2);
            assertThat(report.events()).isEqualTo(4);
            assertThat(report.ignoredFiles()).containsExactly("LISEZMOI.txt");

            // A merged commune: named as at the birth date, with the commune it belongs to today.
            CogEntry merged = cog.lookup("50173", LocalDate.of(1970, 5, 10)).orElseThrow();
            assertThat(merged.place().name()).isEqualTo("Équeurdreville-Hainneville");
            assertThat(merged.currentCode()).isEqualTo("50129");
            assertThat(merged.describe()).isEqualTo("Équeurdreville-Hainneville (50173), aujourd'hui Cherbourg-en-Cotentin (50129)");
            // Corsica before 1976: 20004; 2A004 only since.
            assertThat(cog.lookup("20004", LocalDate.of(1948, 2, 29)).orElseThrow().validAtDate()).isTrue();
            assertThat(cog.lookup("2A004", LocalDate.of(1948, 2, 29)).orElseThrow().validAtDate()).isFalse();
            assertThat(cog.lookup("2a004", LocalDate.of(1980, 7, 14)).orElseThrow().validAtDate()).isTrue();
            // Cherbourg-Octeville at 2005, Cherbourg-en-Cotentin today.
            assertThat(cog.lookup("50129", LocalDate.of(2005, 1, 1)).orElseThrow().place().name()).isEqualTo("Cherbourg-Octeville");
            assertThat(cog.lookup("50129", LocalDate.of(2020, 1, 1)).orElseThrow().place().name()).isEqualTo("Cherbourg-en-Cotentin");
            assertThat(cog.lookup("99139", LocalDate.of(1971, 4, 9)).orElseThrow().place().kind()).isEqualTo(CogPlaceKind.PAYS);
            assertThat(cog.lookup("98735", null).orElseThrow().place().kind()).isEqualTo(CogPlaceKind.COLLECTIVITE_OUTRE_MER);
            assertThat(cog.lookup("75114", null).orElseThrow().place().parentCode()).isEqualTo("75056");
            assertThat(cog.lookup("99999", null).orElseThrow().place().name()).isEqualTo("INCONNU");

            List<CogPlace> byName = cog.search("equeurdreville", LocalDate.of(1970, 1, 1), 10);
            assertThat(byName).extracting(CogPlace::code).contains("50173");
            assertThat(cog.search("l abergement", null, 5)).extracting(CogPlace::code).containsExactly("01001");
            assertThat(cog.search("cherbourg", LocalDate.of(2020, 1, 1), 10)).extracting(CogPlace::name)
                    .contains("Cherbourg-en-Cotentin").doesNotContain("Cherbourg-Octeville (2005)");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCodeReturnedByInsiButAbsentLocallyCanBeAccepted(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            CogService cog = new CogService(f.database, f.audit, f.ids, f.clock);
            assertThat(cog.isKnown("44109")).isFalse();
            assertThat(cog.lookup("44109", null)).isEmpty();
            cog.accept("44109", "Nantes", "Code renvoyé par INSi", f.secretary);
            cog.accept("44109", "Nantes", "deux fois", f.secretary); // idempotent
            assertThat(cog.isKnown("44109")).isTrue();
            assertThat(cog.lookup("44109", null).orElseThrow().place().kind()).isEqualTo(CogPlaceKind.CODE_ACCEPTE);
            assertThat(f.audit.latest(10)).filteredOn(e -> e.action().equals("COG_CODE_ACCEPTED")).hasSize(1);
            assertThatThrownBy(() -> cog.accept("441", null, null, f.secretary)).hasMessageContaining("5 caractères");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aMalformedFileImportsNothingAndNamesTheLine(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            CogService cog = new CogService(f.database, f.audit, f.ids, f.clock);
            cog.importInsee(resource("insee"), f.secretary);
            Path bad = Files.createDirectory(dir.resolve("bad"));
            Files.writeString(bad.resolve("v_pays_territoire_2025.csv"), "COG,ACTUAL,CRPAY,ANI,LIBCOG,LIBENR\n"
                    + "99109,1,,,ALLEMAGNE,Allemagne\n99X,1,,,NULLE PART,Nulle part\n");
            assertThatThrownBy(() -> cog.importInsee(bad, f.secretary)).isInstanceOf(CogFormatException.class)
                    .hasMessage("v_pays_territoire_2025.csv ligne 3 : code « 99X » invalide (5 caractères attendus).");
            assertThat(cog.counts()).containsEntry("insee-pays", 5);
            Path empty = Files.createDirectory(dir.resolve("empty"));
            assertThatThrownBy(() -> cog.importInsee(empty, f.secretary)).hasMessageContaining("Aucun fichier du COG");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theEtalabNpmPackageImportsFromItsTarballOrItsJson(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            CogService cog = new CogService(f.database, f.audit, f.ids, f.clock);
            Path tgz = dir.resolve("etalab-decoupage-administratif-6.0.0.tgz");
            byte[] json = Files.readAllBytes(resource("etalab-communes.json"));
            try (OutputStream out = Files.newOutputStream(tgz);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
                TarArchiveEntry entry = new TarArchiveEntry("package/data/communes.json");
                entry.setSize(json.length);
                tar.putArchiveEntry(entry);
                tar.write(json);
                tar.closeArchiveEntry();
            }
            CogImportReport report = cog.importEtalab(tgz, f.secretary);
            assertThat(report.places()).isGreaterThan(10);
            CogEntry delegated = cog.lookup("50173", null).orElseThrow();
            assertThat(delegated.place().kind()).isEqualTo(CogPlaceKind.COMMUNE_DELEGUEE);
            assertThat(delegated.currentCode()).isEqualTo("50129");
            // A former code known only as such: 50383 became part of Cherbourg-en-Cotentin.
            CogEntry former = cog.lookup("50383", null).orElseThrow();
            assertThat(former.place().kind()).isEqualTo(CogPlaceKind.ANCIEN_CODE);
            assertThat(former.currentCode()).isEqualTo("50129");
            assertThat(former.describe()).isEqualTo("Ancienne commune (50383), aujourd'hui Cherbourg-en-Cotentin (50129)");
            assertThat(cog.lookup("98735", null).orElseThrow().place().kind()).isEqualTo(CogPlaceKind.COLLECTIVITE_OUTRE_MER);
            assertThat(cog.importEtalab(resource("etalab-communes.json"), f.secretary).places()).isEqualTo(report.places());
            Path notPackage = dir.resolve("x.tgz");
            try (OutputStream out = Files.newOutputStream(notPackage);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
                tar.finish();
            }
            assertThatThrownBy(() -> cog.importEtalab(notPackage, f.secretary)).hasMessageContaining("@etalab/decoupage-administratif");
        }
    }
}
