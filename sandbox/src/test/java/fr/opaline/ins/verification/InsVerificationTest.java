package fr.opaline.ins.verification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.outbox.OutboxWorker;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.sandbox.ins.InsiSandbox;
import fr.opaline.ins.status.IdentityStatusService;
import fr.opaline.ins.status.InsSource;
import fr.opaline.ins.testing.InsiKit;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SC.INS.19 / DSR 3.2.8 "Appel à l'opération de vérification": identities récupérées or
 * qualifiées for 4 years, and NIA on a new event, are verified through the outbox; a failed
 * verification leads to a new récupération with the local traits.
 */
class InsVerificationTest {

    static Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    record Setup(CoreFixture f, InsiKit kit, InsVerificationScheduler scheduler, OutboxWorker worker)
            implements AutoCloseable {
        InsiSandbox sandbox() {
            return kit.sandbox;
        }

        IdentityStatusService statuses() {
            return kit.statuses;
        }

        @Override
        public void close() {
            kit.close();
        }
    }

    static Setup setup(TestDatabases.TestDatabase db) throws Exception {
        CoreFixture f = new CoreFixture(db.database());
        InsiKit kit = new InsiKit(f);
        OutboxWorker worker = new OutboxWorker(f.outbox, "test", 1, Duration.ofMinutes(1), Duration.ofSeconds(1))
                .register(new InsVerificationHandler(f.database, kit.client, kit.lookup, kit.statuses));
        return new Setup(f, kit, new InsVerificationScheduler(f.database, f.outbox, f.clock), worker);
    }

    static Patient recupere(Setup s, String name, String first, String date, Sex sex, String place, InsNumber ins) {
        IdentityTraits traits = IdentityTraits.of(name, first, LocalDate.parse(date), sex, place);
        Patient p = s.f().patients.create(NewPatient.of(traits), s.f().secretary);
        return s.statuses().recordInsRetrieval(p.id(), ins, traits, InsSource.INSI_TRAITS, "récupération", s.f().secretary);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anInsConfirmedFourYearsAgoIsVerifiedOnceAndConfirmedAgain(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind); Setup s = setup(db)) {
            Patient p = recupere(s, "PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "1979-03-28", Sex.F, "51215",
                    new InsNumber("279035121518989", InsNumber.OID_TEST_NIR));
            assertThat(s.scheduler().scan()).isZero(); // just récupérée
            s.f().clock.advance(Duration.ofDays(4 * 365 + 2));
            assertThat(s.scheduler().scan()).isEqualTo(1);
            assertThat(s.scheduler().scan()).isZero(); // idempotent: one job per confirmation
            assertThat(s.worker().runOne()).isTrue();
            Patient after = s.f().patients.open(p.id(), s.f().secretary);
            assertThat(after.insVerifiedAt()).isEqualTo(s.f().clock.instant());
            assertThat(after.status()).isEqualTo(IdentityStatus.RECUPEREE);
            assertThat(s.statuses().history(p.id())).last().satisfies(h -> assertThat(h.reason()).contains("confirmés"));
            assertThat(jobs(s)).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.DONE));
            assertThat(s.sandbox().received()).extracting(InsiSandbox.Received::operation)
                    .containsExactly("verifierInsAvecTraitsIdentite");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aFailedVerificationWithADifferentInsWithdrawsItWithTheReason(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind); Setup s = setup(db)) {
            // The record holds the person's former NIA: INSi no longer confirms it.
            Patient p = recupere(s, "ROUSSEAU", "LUC", "1988-08-08", Sex.M, "44109",
                    new InsNumber("788089935001232", InsNumber.OID_TEST_NIA));
            assertThat(s.scheduler().scan()).isZero();
            s.f().clock.advance(Duration.ofDays(30));
            s.f().episodes.currentOrOpen(p.id(), s.f().secretary); // a new event for a NIA
            assertThat(s.scheduler().scan()).isEqualTo(1);
            assertThat(s.worker().runOne()).isTrue();
            Patient after = s.f().patients.open(p.id(), s.f().secretary);
            assertThat(after.ins()).isNull();
            assertThat(after.status()).isEqualTo(IdentityStatus.PROVISOIRE);
            assertThat(s.statuses().history(p.id())).last().satisfies(h ->
                    assertThat(h.reason()).contains("Vérification INSi en échec (01").contains("INS est retirée"));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTechnicalFailureIsRetriedAndChangesNothing(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind); Setup s = setup(db)) {
            Patient p = recupere(s, "PAT-TROIS", "DOMINIQUE MARIE-LOUISE", "1979-03-28", Sex.F, "51215",
                    new InsNumber("279035121518989", InsNumber.OID_TEST_NIR));
            s.f().clock.advance(Duration.ofDays(5 * 365));
            s.scheduler().scan();
            s.sandbox().failNext(InsiSandbox.Failure.SOAP_FAULT);
            assertThat(s.worker().runOne()).isTrue();
            assertThat(jobs(s)).singleElement().satisfies(j -> {
                assertThat(j.state()).isEqualTo(JobState.PENDING);
                assertThat(j.lastError()).contains("insi_503");
            });
            assertThat(s.f().patients.open(p.id(), s.f().secretary).rowVersion()).isEqualTo(p.rowVersion());
        }
    }

    static List<OutboxJob> jobs(Setup s) {
        return s.f().outbox.list(Set.of(InsVerificationHandler.JOB_TYPE), Set.of(), null, 10);
    }
}
