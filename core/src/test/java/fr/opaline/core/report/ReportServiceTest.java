package fr.opaline.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Report lifecycle: SC.DOC.03 pre-filled draft, validation by RPPS, amendment (same setId, version + 1), retraction. */
class ReportServiceTest {

    static java.util.stream.Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void draftValidateAmendRetract(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            var room = f.room("CT1", Modality.CT);
            var exam = f.exam("CT-THX", Modality.CT, 15);
            var patient = f.patient("MARTIN", "LEA", LocalDate.of(1980, 1, 2), Sex.F);
            UserAccount doctor = f.user("dr.test", Role.RADIOLOGUE, "99700000000");
            UserAccount secretary = f.user("secr", Role.SECRETAIRE, null);
            Booking booking = f.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(), f.clock.instant(),
                    null, null, "Toux persistante", null), f.secretary);
            ReportService reports = new ReportService(db.database(), f.audit, f.ids, f.clock, f.uids);
            List<ReportPublication> published = new ArrayList<>();
            reports.addPublicationListener((ctx, p) -> published.add(p));
            Actor dr = Actor.user(doctor.id(), doctor.login());

            f.progress.complete(booking.step().id(), dr);
            ReportVersion draft = reports.createDraft(booking.order().id(), dr);
            assertThat(draft.indication()).isEqualTo("Toux persistante");
            assertThat(draft.technique()).contains("Examen CT-THX", "Scanner");
            assertThatThrownBy(() -> reports.validate(draft.reportId(), dr)).isInstanceOf(BusinessRuleException.class)
                    .hasMessageContaining("conclusion");
            reports.updateDraft(draft.reportId(), new ReportContent("Toux", "TDM", "Normal", "RAS"), dr);
            assertThatThrownBy(() -> reports.validate(draft.reportId(), Actor.user(secretary.id(), "secr")))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("RPPS");
            ReportVersion v1 = reports.validate(draft.reportId(), dr);
            assertThat(v1.status()).isEqualTo(ReportStatus.VALIDATED);
            assertThat(v1.legalAuthenticatorId()).isEqualTo(doctor.id());
            assertThat(published).extracting(ReportPublication::kind).containsExactly(ReportPublication.Kind.VALIDATED);

            ReportVersion v2draft = reports.amend(draft.reportId(), "Erreur de latéralité", dr);
            assertThat(v2draft.versionNumber()).isEqualTo(2);
            assertThat(v2draft.replacesDocumentUid()).isEqualTo(v1.documentUid());
            assertThat(v2draft.documentUid()).isNotEqualTo(v1.documentUid());
            ReportVersion v2 = reports.validate(draft.reportId(), dr);
            assertThat(published.get(1).kind()).isEqualTo(ReportPublication.Kind.AMENDED);
            assertThat(published.get(1).replaced().id()).isEqualTo(v1.id());
            assertThat(reports.versions(draft.reportId())).extracting(ReportVersion::status)
                    .containsExactly(ReportStatus.SUPERSEDED, ReportStatus.VALIDATED);
            Report report = reports.findByOrder(booking.order().id()).orElseThrow();
            assertThat(report.currentVersion()).isEqualTo(2);

            reports.setInvisibleToPatient(draft.reportId(), true, dr);
            ReportVersion retracted = reports.retract(draft.reportId(), "Examen d'un autre patient", dr);
            assertThat(retracted.id()).isEqualTo(v2.id());
            assertThat(retracted.invisibleToPatient()).isTrue();
            assertThat(published.get(2).kind()).isEqualTo(ReportPublication.Kind.RETRACTED);
            assertThatThrownBy(() -> reports.amend(draft.reportId(), "x", dr)).isInstanceOf(BusinessRuleException.class);
            assertThat(f.audit.verify().intact()).isTrue();
        }
    }
}
