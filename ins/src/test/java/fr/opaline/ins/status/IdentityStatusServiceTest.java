package fr.opaline.ins.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.ins.InsRuleException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Status changes are persisted with their reason in the history and the audit trail (RNIV, DSR 3.2.8). */
class IdentityStatusServiceTest {

    static java.util.stream.Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyChangeIsHistorisedAndAuditedWithItsReason(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            IdentityStatusService service = new IdentityStatusService(f.database, f.patients, f.audit, f.ids, f.clock,
                    new PracticeSettings(f.database));
            Patient p = f.patient("Pat-Trois", "Dominique", LocalDate.of(1979, 3, 28), Sex.F);
            assertThat(p.status()).isEqualTo(IdentityStatus.PROVISOIRE);

            p = service.recordIdentityCheck(p.id(), IdentityEvidence.CNI, "CNI présentée à l'accueil", f.secretary);
            assertThat(p.status()).isEqualTo(IdentityStatus.VALIDEE);
            assertThat(p.identityEvidence()).isEqualTo("CNI");

            IdentityTraits insTraits = new IdentityTraits("PAT-TROIS", "DOMINIQUE MARIE-LOUISE", null,
                    LocalDate.of(1979, 3, 28), Sex.F, "51215");
            p = service.recordInsRetrieval(p.id(), new InsNumber("279035121518989", InsNumber.OID_TEST_NIR), insTraits,
                    InsSource.INSI_TRAITS, "Récupération INSi", f.secretary);
            assertThat(p.status()).isEqualTo(IdentityStatus.QUALIFIEE);
            assertThat(p.traits().birthName()).isEqualTo("PAT-TROIS");
            assertThat(p.insVerifiedAt()).isEqualTo(f.clock.instant());

            p = service.setAttributes(p.id(), new IdentityAttributes(true, false, false), "Doute sur la pièce", f.secretary);
            assertThat(p.status()).isEqualTo(IdentityStatus.PROVISOIRE);
            p = service.setAttributes(p.id(), IdentityAttributes.NONE, "Doute levé", f.secretary);
            assertThat(p.status()).isEqualTo(IdentityStatus.QUALIFIEE);

            List<IdentityStatusChange> history = service.history(p.id());
            assertThat(history).extracting(IdentityStatusChange::toStatus).containsExactly(IdentityStatus.VALIDEE,
                    IdentityStatus.QUALIFIEE, IdentityStatus.PROVISOIRE, IdentityStatus.QUALIFIEE);
            assertThat(history).extracting(IdentityStatusChange::reason).containsExactly("CNI présentée à l'accueil",
                    "Récupération INSi", "Doute sur la pièce", "Doute levé");
            assertThat(history.get(1).insSource()).isEqualTo(InsSource.INSI_TRAITS);
            assertThat(f.audit.forPatient(p.id(), 50)).filteredOn(e -> e.action().equals("IDENTITY_STATUS_CHANGED"))
                    .extracting(AuditEvent::detail)
                    .contains("VALIDEE → QUALIFIEE : Récupération INSi", "QUALIFIEE → PROVISOIRE : Doute sur la pièce");
            assertThat(f.audit.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theStatisticsCountEachIdentityByTheStatusItsHistoryGaveAtTheEndOfTheMonth(TestDatabases.Kind kind)
            throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            IdentityStatusService service = new IdentityStatusService(f.database, f.patients, f.audit, f.ids, f.clock,
                    new PracticeSettings(f.database));
            Patient p = f.patient("Pat-Trois", "Dominique", LocalDate.of(1979, 3, 28), Sex.F);
            service.recordIdentityCheck(p.id(), IdentityEvidence.CNI, "CNI présentée à l'accueil", f.secretary);
            f.clock.advance(java.time.Duration.ofDays(31));
            service.setAttributes(p.id(), new IdentityAttributes(true, false, false), "Doute sur la pièce", f.secretary);

            var march = java.time.YearMonth.of(2026, 3);
            var april = java.time.YearMonth.of(2026, 4);
            var report = new fr.opaline.core.statistics.UsageStatistics(f.database,
                    new PracticeSettings(f.database).profile(), f.clock).report(march, april);
            assertThat(report.count(march, null, fr.opaline.core.statistics.Indicator.IDENTITES_VALIDEES)).isEqualTo(1);
            assertThat(report.count(march, null, fr.opaline.core.statistics.Indicator.IDENTITES_PROVISOIRES)).isZero();
            assertThat(report.count(april, null, fr.opaline.core.statistics.Indicator.IDENTITES_PROVISOIRES)).isEqualTo(1);
            assertThat(report.count(april, null, fr.opaline.core.statistics.Indicator.IDENTITES_VALIDEES)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRefusedChangeLeavesNothingBehind(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            IdentityStatusService service = new IdentityStatusService(f.database, f.patients, f.audit, f.ids, f.clock,
                    new PracticeSettings(f.database));
            Patient p = f.patient("Martin", "Claire", LocalDate.of(1985, 6, 14), Sex.F);
            assertThatThrownBy(() -> service.recordIdentityCheck(p.id(), IdentityEvidence.PASSEPORT, " ", f.secretary))
                    .hasMessageContaining("motif");
            IdentityTraits t = p.traits();
            assertThatThrownBy(() -> service.recordInsRetrieval(p.id(), new InsNumber("285067511412361",
                    InsNumber.OID_TEST_NIR), t, InsSource.INSI_TRAITS, "x", f.secretary))
                    .isInstanceOf(InsRuleException.class).hasMessageContaining("Clé de contrôle incorrecte");
            assertThat(service.history(p.id())).isEmpty();
            assertThat(f.patients.open(p.id(), f.secretary).rowVersion()).isEqualTo(p.rowVersion());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void thePracticeChoosesForAyantsDroitOfTheAppliCarteVitale(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            PracticeSettings settings = new PracticeSettings(f.database);
            IdentityStatusService service = new IdentityStatusService(f.database, f.patients, f.audit, f.ids, f.clock,
                    settings);
            Patient p = f.patient("Moreau", "Lea", LocalDate.of(2012, 5, 6), Sex.F);
            InsNumber ins = new InsNumber("212054410908785", InsNumber.OID_TEST_NIR);
            assertThat(service.recordInsRetrieval(p.id(), ins, p.traits(), InsSource.APCV_AYANT_DROIT, "ApCV", f.secretary)
                    .status()).isEqualTo(IdentityStatus.RECUPEREE);
            settings.put(IdentityStatusService.SETTING_APCV_AYANT_DROIT_QUALIFIE, "true");
            assertThat(service.recordInsRetrieval(p.id(), ins, p.traits(), InsSource.APCV_AYANT_DROIT, "ApCV", f.secretary)
                    .status()).isEqualTo(IdentityStatus.QUALIFIEE);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void identitiesWrittenBeforeTheInsSourceWasRecordedKeepTheirStatus(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            IdentityStatusService service = new IdentityStatusService(f.database, f.patients, f.audit, f.ids, f.clock,
                    new PracticeSettings(f.database));
            Patient p = f.patient("Pat-Trois", "Dominique", LocalDate.of(1979, 3, 28), Sex.F);
            // As the seed or an import writes it: qualifiée with its INS and device, no INS source.
            Patient seeded = p.withIdentity(p.traits(), new InsNumber("279035121518989", InsNumber.OID_TEST_NIR),
                    IdentityStatus.QUALIFIEE, p.attributes(), "CNI", f.clock.instant());
            f.database.inTransactionRun(ctx -> new fr.opaline.core.patient.PatientRepository(ctx).update(seeded, f.clock.instant()));
            Patient after = service.setAttributes(p.id(), new IdentityAttributes(false, false, true), "Homonyme connu",
                    f.secretary);
            assertThat(after.status()).isEqualTo(IdentityStatus.QUALIFIEE);
            assertThat(service.facts(p.id()).evidence()).isEqualTo(IdentityEvidence.CNI);
        }
    }
}
