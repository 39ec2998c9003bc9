package fr.opaline.core.statistics;

import static fr.opaline.core.persistence.generated.Tables.CLINICAL_DOCUMENT;
import static fr.opaline.core.persistence.generated.Tables.DMP_CONSENT_EVENT;
import static fr.opaline.core.persistence.generated.Tables.DMP_FEED_RECORD;
import static fr.opaline.core.persistence.generated.Tables.HL7_SENT_MESSAGE;
import static fr.opaline.core.persistence.generated.Tables.IDENTITY_STATUS_CHANGE;
import static fr.opaline.core.persistence.generated.Tables.MSS_INBOUND_DOCUMENT;
import static fr.opaline.core.persistence.generated.Tables.MSS_OUTBOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.practice.PracticeProfile;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import fr.opaline.core.user.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class UsageStatisticsTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final PracticeProfile SITE = new PracticeProfile("Imagerie du Parc", "750000001", "12345678200010",
            null, null, null, null, null, null, null, null);

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void identitiesAreCountedByTheStatusTheyHadAtTheEndOfEachMonth(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            f.clock.set(Instant.parse("2026-01-10T09:00:00Z"));
            Patient anne = f.patient("MARTIN", "ANNE", LocalDate.of(1980, 5, 6), Sex.F);
            Patient paul = f.patient("DURAND", "PAUL", LocalDate.of(1975, 1, 2), Sex.M);
            // Anne: récupérée in February (INSi), qualifiée in March; the row says so today.
            statusChange(f, anne, Instant.parse("2026-02-03T10:00:00Z"), "PROVISOIRE", "RECUPEREE", 2);
            statusChange(f, anne, Instant.parse("2026-03-31T22:30:00Z"), "RECUPEREE", "QUALIFIEE", 3);
            f.database.dsl().update(fr.opaline.core.persistence.generated.Tables.PATIENT)
                    .set(fr.opaline.core.persistence.generated.Tables.PATIENT.IDENTITY_STATUS, "QUALIFIEE")
                    .where(fr.opaline.core.persistence.generated.Tables.PATIENT.ID.eq(anne.id())).execute();
            // A third patient arrives in March.
            f.clock.set(Instant.parse("2026-03-15T09:00:00Z"));
            f.patient("PETIT", "LOUIS", LocalDate.of(2001, 2, 3), Sex.M);

            UsageReport report = statistics(f).report(JAN, MAR);

            assertThat(report.count(JAN, null, Indicator.IDENTITES_PROVISOIRES)).isEqualTo(2);
            assertThat(report.count(FEB, null, Indicator.IDENTITES_PROVISOIRES)).isEqualTo(1);
            assertThat(report.count(FEB, null, Indicator.IDENTITES_RECUPEREES)).isEqualTo(1);
            assertThat(report.value(FEB, null, Indicator.IDENTITES_RECUPEREES).rate()).isEqualTo(50.0);
            // 22:30 UTC on 31 March is 1 April in Paris (summer time): Anne is still récupérée at the end of March.
            assertThat(report.count(MAR, null, Indicator.IDENTITES_RECUPEREES)).isEqualTo(1);
            assertThat(report.count(MAR, null, Indicator.IDENTITES_QUALIFIEES)).isZero();
            assertThat(report.count(MAR, null, Indicator.IDENTITES_PROVISOIRES)).isEqualTo(2);
            assertThat(report.value(MAR, null, Indicator.IDENTITES_PROVISOIRES).rate())
                    .isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
            assertThat(statistics(f).report(YearMonth.of(2026, 4), YearMonth.of(2026, 4))
                    .count(YearMonth.of(2026, 4), null, Indicator.IDENTITES_QUALIFIEES)).isEqualTo(1);
            assertThat(paul.id()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void dmpFeedsCountEachJobOnceByItsLatestOutcomeAndPerDocumentType(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            UUID retried = UUID.randomUUID();
            feed(f, retried, "FAILED", "INITIAL", "18748-4", Instant.parse("2026-01-20T10:00:00Z"));
            feed(f, retried, "SENT", "INITIAL", "18748-4", Instant.parse("2026-02-02T10:00:00Z"));
            feed(f, UUID.randomUUID(), "INVISIBLE", "INITIAL", "18748-4", Instant.parse("2026-02-05T10:00:00Z"));
            feed(f, UUID.randomUUID(), "NO_DMP", "INITIAL", "18748-4", Instant.parse("2026-02-06T10:00:00Z"));
            feed(f, UUID.randomUUID(), "FAILED", "REPLACE", "18748-4", Instant.parse("2026-02-07T10:00:00Z"));
            feed(f, UUID.randomUUID(), "SENT", "INITIAL", "55115-0", Instant.parse("2026-02-08T10:00:00Z"));
            feed(f, UUID.randomUUID(), "DELETED", "DELETE", "18748-4", Instant.parse("2026-02-09T10:00:00Z"));
            feed(f, UUID.randomUUID(), "SENT", "INITIAL", "11488-4", Instant.parse("2026-02-10T10:00:00Z"));
            document(f, "1.2.250.9.1", "18748-4");
            f.database.dsl().insertInto(HL7_SENT_MESSAGE).set(HL7_SENT_MESSAGE.ID, UUID.randomUUID())
                    .set(HL7_SENT_MESSAGE.DESTINATION, "PFI").set(HL7_SENT_MESSAGE.CONTROL_ID, "c1")
                    .set(HL7_SENT_MESSAGE.MESSAGE_TYPE, "MDM^T02").set(HL7_SENT_MESSAGE.DOCUMENT_UID, "1.2.250.9.1")
                    .set(HL7_SENT_MESSAGE.SENT_AT, Instant.parse("2026-02-11T10:00:00Z"))
                    .set(HL7_SENT_MESSAGE.ACK_CODE, "AA").execute();
            // The same CR acknowledged by a second PFI route, and a deletion sent to a PFI: not counted again.
            f.database.dsl().insertInto(HL7_SENT_MESSAGE).set(HL7_SENT_MESSAGE.ID, UUID.randomUUID())
                    .set(HL7_SENT_MESSAGE.DESTINATION, "PFI").set(HL7_SENT_MESSAGE.CONTROL_ID, "c3")
                    .set(HL7_SENT_MESSAGE.MESSAGE_TYPE, "MDM^T02").set(HL7_SENT_MESSAGE.DOCUMENT_UID, "1.2.250.9.1")
                    .set(HL7_SENT_MESSAGE.SENT_AT, Instant.parse("2026-02-11T10:05:00Z"))
                    .set(HL7_SENT_MESSAGE.ACK_CODE, "AA").execute();
            f.database.dsl().insertInto(HL7_SENT_MESSAGE).set(HL7_SENT_MESSAGE.ID, UUID.randomUUID())
                    .set(HL7_SENT_MESSAGE.DESTINATION, "PFI (suppression)").set(HL7_SENT_MESSAGE.CONTROL_ID, "c2")
                    .set(HL7_SENT_MESSAGE.MESSAGE_TYPE, "ORU^R01").set(HL7_SENT_MESSAGE.DOCUMENT_UID, "1.2.250.9.1")
                    .set(HL7_SENT_MESSAGE.SENT_AT, Instant.parse("2026-02-12T10:00:00Z"))
                    .set(HL7_SENT_MESSAGE.ACK_CODE, "AA").execute();

            UsageReport report = statistics(f).report(JAN, FEB);

            DocumentType cr = DocumentType.CR_IMAGERIE;
            assertThat(report.count(JAN, cr, Indicator.DMP_ECHEC)).as("failure later resent with success").isZero();
            assertThat(report.count(FEB, cr, Indicator.DMP_REUSSI)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.DMP_INVISIBLE)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.DMP_INEXISTANT)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.DMP_ECHEC)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.DMP_TRANSMIS_PFI)).isEqualTo(1);
            assertThat(report.count(FEB, DocumentType.DEMANDE_ACTE_IMAGERIE, Indicator.DMP_REUSSI)).isEqualTo(1);
            assertThat(report.total(cr, Indicator.DMP_REUSSI)).as("the other LOINC type and the deletion left out")
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void usersConsentsMailAndBalIntegrationsAreCountedPerMonth(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            f.clock.set(Instant.parse("2026-01-05T09:00:00Z"));
            f.user("dr.house", Role.RADIOLOGUE, "10000000001");
            f.user("secretaire", Role.SECRETAIRE, null);
            f.clock.set(Instant.parse("2026-02-05T09:00:00Z"));
            f.user("manip", Role.MANIPULATEUR, "10000000002");
            Patient anne = f.patient("MARTIN", "ANNE", LocalDate.of(1980, 5, 6), Sex.F);
            CareEpisode episode = f.episodes.currentOrOpen(anne.id(), f.secretary);
            consent(f, anne, episode, Instant.parse("2026-02-05T09:01:00Z"), "GRANTED", true, false);
            consent(f, anne, episode, Instant.parse("2026-02-06T09:01:00Z"), "GRANTED", true, false);
            consent(f, anne, episode, Instant.parse("2026-02-07T09:01:00Z"), "REFUSED", true, true);
            document(f, "1.2.250.9.2", "18748-4");
            mail(f, "1.2.250.9.2", "PROFESSIONNEL", "ENVOI", "LU");
            mail(f, "1.2.250.9.2", "PROFESSIONNEL", "ENVOI", "NON_REMIS");
            mail(f, "1.2.250.9.2", "PATIENT", "ENVOI", "A_ENVOYER");
            mail(f, "1.2.250.9.2", "PROFESSIONNEL", "SUPPRESSION", "REMIS");
            inbound(f, "MSSANTE", "INTEGRE", "18748-4");
            inbound(f, "MSSANTE", "REJETE", "18748-4");
            inbound(f, "MSSANTE", "A_TRAITER", "18748-4");
            inbound(f, "IMPORT", "INTEGRE", "18748-4");

            UsageReport report = statistics(f).report(JAN, FEB);

            assertThat(report.count(JAN, null, Indicator.UTILISATEURS_DMP)).isEqualTo(1);
            assertThat(report.count(FEB, null, Indicator.UTILISATEURS_DMP)).isEqualTo(2);
            assertThat(report.count(FEB, null, Indicator.UTILISATEURS_MEDECINS)).isEqualTo(1);
            assertThat(report.count(FEB, null, Indicator.UTILISATEURS_MANIPULATEURS)).isEqualTo(1);
            assertThat(report.count(FEB, null, Indicator.UTILISATEURS_AUTRES)).as("no RPPS: not a professional").isZero();
            assertThat(report.count(FEB, null, Indicator.CONSENTEMENTS_CONSULTATION)).as("one episode").isEqualTo(1);
            assertThat(report.count(FEB, null, Indicator.NON_OPPOSITIONS_ALIMENTATION)).isEqualTo(1);
            DocumentType cr = DocumentType.CR_IMAGERIE;
            assertThat(report.count(FEB, cr, Indicator.MSS_PRO_REUSSI)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.MSS_PRO_ECHEC)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.MSS_CITOYENNE_NON_ENVOYE)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.BAL_INTEGRE)).isEqualTo(1);
            assertThat(report.count(FEB, cr, Indicator.BAL_ECHEC)).isEqualTo(1);
        }
    }

    @Test
    void csvHasOneLinePerMonthTypeAndIndicatorReadyForAFrenchSpreadsheet() throws Exception {
        try (var db = TestDatabases.h2()) {
            CoreFixture f = new CoreFixture(db.database());
            f.clock.set(Instant.parse("2026-01-10T09:00:00Z"));
            f.patient("MARTIN", "ANNE", LocalDate.of(1980, 5, 6), Sex.F);
            f.patient("DURAND", "PAUL", LocalDate.of(1975, 1, 2), Sex.M);
            f.patient("PETIT", "LOUIS", LocalDate.of(2001, 2, 3), Sex.M);
            UsageReport report = statistics(f).report(JAN, FEB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StatisticsCsv.write(report, out);
            String csv = out.toString(StandardCharsets.UTF_8);

            assertThat(csv).startsWith("\uFEFFannee;mois;site;finess;siret;rpps_rang;type_document;");
            String[] lines = csv.substring(1).split("\r\n");
            long perMonth = Stream.of(Indicator.values()).mapToLong(i -> i.perDocumentType() ? 2 : 1).sum();
            assertThat(lines).hasSize(1 + 2 * (int) perMonth);
            assertThat(lines).contains("2026;01;Imagerie du Parc;750000001;12345678200010;;;;Statut des identités;"
                    + "Identités provisoires;IDENTITES_PROVISOIRES;3;100,0");
            assertThat(lines).contains("2026;02;Imagerie du Parc;750000001;12345678200010;;Compte rendu d'imagerie;18748-4;"
                    + "Alimentation du DMP;Transmis au DMP (réussi);DMP_REUSSI;0;");
            assertThat(StatisticsCsv.quoted("a;b \"c\"")).isEqualTo("\"a;b \"\"c\"\"\"");
        }
    }

    @Test
    void theDefaultPeriodIsThePreviousYearAndTheCurrentYearToDate() {
        var clock = java.time.Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), CoreFixture.PARIS);
        StatisticsPeriod period = StatisticsPeriod.currentAndPreviousYear(clock);
        assertThat(period.from()).isEqualTo(YearMonth.of(2025, 1));
        assertThat(period.to()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(period.months()).hasSize(24);
        assertThatThrownBy(() -> new StatisticsPeriod(FEB, JAN, CoreFixture.PARIS))
                .hasMessageContaining("précède");
    }

    private static UsageStatistics statistics(CoreFixture f) {
        return new UsageStatistics(f.database, SITE, f.clock);
    }

    private static void statusChange(CoreFixture f, Patient patient, Instant at, String from, String to, int version) {
        f.database.dsl().insertInto(IDENTITY_STATUS_CHANGE)
                .set(IDENTITY_STATUS_CHANGE.ID, UUID.randomUUID())
                .set(IDENTITY_STATUS_CHANGE.PATIENT_ID, patient.id())
                .set(IDENTITY_STATUS_CHANGE.PATIENT_VERSION, version)
                .set(IDENTITY_STATUS_CHANGE.CHANGED_AT, at)
                .set(IDENTITY_STATUS_CHANGE.FROM_STATUS, from)
                .set(IDENTITY_STATUS_CHANGE.TO_STATUS, to)
                .set(IDENTITY_STATUS_CHANGE.DOUBTFUL, false)
                .set(IDENTITY_STATUS_CHANGE.FICTITIOUS, false)
                .set(IDENTITY_STATUS_CHANGE.HOMONYM, false)
                .set(IDENTITY_STATUS_CHANGE.REASON, "test")
                .set(IDENTITY_STATUS_CHANGE.ACTOR_LOGIN, "test")
                .execute();
    }

    private static void feed(CoreFixture f, UUID job, String outcome, String action, String typeCode, Instant at) {
        f.database.dsl().insertInto(DMP_FEED_RECORD)
                .set(DMP_FEED_RECORD.ID, UUID.randomUUID())
                .set(DMP_FEED_RECORD.JOB_ID, job)
                .set(DMP_FEED_RECORD.UNIQUE_ID, "1.2.250." + job.getLeastSignificantBits())
                .set(DMP_FEED_RECORD.ACTION, action)
                .set(DMP_FEED_RECORD.OUTCOME, outcome)
                .set(DMP_FEED_RECORD.TYPE_CODE, typeCode)
                .set(DMP_FEED_RECORD.OCCURRED_AT, at)
                .execute();
    }

    private static void document(CoreFixture f, String uid, String typeCode) {
        f.database.dsl().insertInto(CLINICAL_DOCUMENT)
                .set(CLINICAL_DOCUMENT.ID, UUID.randomUUID())
                .set(CLINICAL_DOCUMENT.DOCUMENT_UID, uid)
                .set(CLINICAL_DOCUMENT.SET_ID, uid + ".0")
                .set(CLINICAL_DOCUMENT.VERSION_NUMBER, 1)
                .set(CLINICAL_DOCUMENT.TYPE_CODE, typeCode)
                .set(CLINICAL_DOCUMENT.TITLE, "CR")
                .set(CLINICAL_DOCUMENT.EFFECTIVE_AT, f.clock.instant())
                .set(CLINICAL_DOCUMENT.PROVENANCE, "LOCAL")
                .set(CLINICAL_DOCUMENT.STATUS, "VALIDE")
                .set(CLINICAL_DOCUMENT.INVISIBLE_TO_PATIENT, false)
                .set(CLINICAL_DOCUMENT.HIDDEN_FROM_LEGAL_REPS, false)
                .set(CLINICAL_DOCUMENT.MIME_TYPE, "text/xml")
                .set(CLINICAL_DOCUMENT.CONTENT, new byte[] {1})
                .set(CLINICAL_DOCUMENT.RECEIVED_AT, f.clock.instant())
                .execute();
    }

    private static void consent(CoreFixture f, Patient patient, CareEpisode episode, Instant at, String consent,
                                boolean informed, boolean opposition) {
        f.database.dsl().insertInto(DMP_CONSENT_EVENT)
                .set(DMP_CONSENT_EVENT.ID, UUID.randomUUID())
                .set(DMP_CONSENT_EVENT.EPISODE_ID, episode.id())
                .set(DMP_CONSENT_EVENT.PATIENT_ID, patient.id())
                .set(DMP_CONSENT_EVENT.RECORDED_AT, at)
                .set(DMP_CONSENT_EVENT.ACTOR_LOGIN, "test")
                .set(DMP_CONSENT_EVENT.PATIENT_INFORMED, informed)
                .set(DMP_CONSENT_EVENT.FEEDING_OPPOSITION, opposition)
                .set(DMP_CONSENT_EVENT.CONSULTATION_CONSENT, consent)
                .set(DMP_CONSENT_EVENT.BREAK_GLASS, false)
                .set(DMP_CONSENT_EVENT.ORIGIN, "DESK")
                .execute();
    }

    private static void mail(CoreFixture f, String uid, String recipientKind, String purpose, String status) {
        f.database.dsl().insertInto(MSS_OUTBOUND)
                .set(MSS_OUTBOUND.ID, UUID.randomUUID())
                .set(MSS_OUTBOUND.MESSAGE_ID, "<" + UUID.randomUUID() + "@opaline>")
                .set(MSS_OUTBOUND.PURPOSE, purpose)
                .set(MSS_OUTBOUND.DOCUMENT_UID, uid)
                .set(MSS_OUTBOUND.SENDER, "imagerie@parc.mssante.fr")
                .set(MSS_OUTBOUND.RECIPIENT, "dest@test.mssante.fr")
                .set(MSS_OUTBOUND.RECIPIENT_KIND, recipientKind)
                .set(MSS_OUTBOUND.STATUS, status)
                .set(MSS_OUTBOUND.CREATED_AT, f.clock.instant())
                .set(MSS_OUTBOUND.UPDATED_AT, f.clock.instant())
                .execute();
    }

    private static void inbound(CoreFixture f, String source, String status, String typeCode) {
        f.database.dsl().insertInto(MSS_INBOUND_DOCUMENT)
                .set(MSS_INBOUND_DOCUMENT.ID, UUID.randomUUID())
                .set(MSS_INBOUND_DOCUMENT.SOURCE, source)
                .set(MSS_INBOUND_DOCUMENT.ACTION, "NEW")
                .set(MSS_INBOUND_DOCUMENT.DOCUMENT_UID, "1.2.250.8." + UUID.randomUUID().getLeastSignificantBits())
                .set(MSS_INBOUND_DOCUMENT.VERSION_NUMBER, 1)
                .set(MSS_INBOUND_DOCUMENT.TYPE_CODE, typeCode)
                .set(MSS_INBOUND_DOCUMENT.STATUS, status)
                .set(MSS_INBOUND_DOCUMENT.CDA, new byte[] {1})
                .set(MSS_INBOUND_DOCUMENT.CREATED_AT, f.clock.instant())
                .set(MSS_INBOUND_DOCUMENT.HANDLED_AT, "A_TRAITER".equals(status) ? null : f.clock.instant())
                .execute();
    }
}
