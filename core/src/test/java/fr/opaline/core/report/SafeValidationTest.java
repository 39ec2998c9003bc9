package fr.opaline.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.audit.AuditEvent;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.order.ExamProgressService;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19, without the desktop: a report is validated only for an exam the technologist (or a
 * radiologist) marked réalisé, or with an override whose reason is audited; arrival is not
 * performance; writing a draft does not move a step that was not performed.
 */
class SafeValidationTest {

    static java.util.stream.Stream<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void validationRequiresAPerformedExamOrAnAuditedOverride(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            Setting s = new Setting(new CoreFixture(db.database()));
            Booking scheduled = s.book();
            ReportVersion draft = s.reports.createDraft(scheduled.order().id(), s.dr);
            assertThat(s.status(scheduled)).as("a draft does not make the exam performed").isEqualTo(StepStatus.SCHEDULED);
            s.reports.updateDraft(draft.reportId(), new ReportContent("Toux", "TDM", "Nodule de 4 mm", "Nodule"), s.dr);

            assertThatThrownBy(() -> s.reports.validate(draft.reportId(), s.dr))
                    .isInstanceOf(ExamNotPerformedException.class)
                    .hasMessageContaining("« Programmé »").hasMessageContaining("marqué réalisé");
            assertThatThrownBy(() -> s.reports.validate(draft.reportId(), s.dr, "   "))
                    .isInstanceOf(ExamNotPerformedException.class);
            assertThat(s.reports.versions(draft.reportId())).extracting(ReportVersion::status)
                    .containsExactly(ReportStatus.DRAFT);
            assertThat(s.status(scheduled)).isEqualTo(StepStatus.SCHEDULED);

            // The arrival at the desk is not performance.
            s.f.booking.markArrived(scheduled.appointment().id(), s.f.secretary);
            assertThatThrownBy(() -> s.reports.validate(draft.reportId(), s.dr))
                    .isInstanceOf(ExamNotPerformedException.class).hasMessageContaining("« Arrivé »");

            ReportVersion validated = s.reports.validate(draft.reportId(), s.dr,
                    "Examen réalisé sur la console, non pointé par le manipulateur");
            assertThat(validated.status()).isEqualTo(ReportStatus.VALIDATED);
            List<AuditEvent> overrides = s.f.audit.forPatient(scheduled.order().patientId(), 100).stream()
                    .filter(e -> e.action().equals(ReportAuditActions.VALIDATION_OVERRIDE)).toList();
            assertThat(overrides).singleElement().satisfies(e -> {
                assertThat(e.actorId()).isEqualTo(s.doctor.id());
                assertThat(e.detail()).contains("« Arrivé »", "non pointé par le manipulateur");
            });
            assertThat(s.f.audit.verify().intact()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPerformedExamValidatesWithoutOverrideAndNoOverrideIsAudited(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            Setting s = new Setting(new CoreFixture(db.database()));
            Booking booked = s.book();
            s.f.progress.start(booked.step().id(), s.technologist);
            assertThat(s.status(booked)).isEqualTo(StepStatus.IN_PROGRESS);
            ReportVersion draft = s.reports.createDraft(booked.order().id(), s.dr);
            s.reports.updateDraft(draft.reportId(), new ReportContent("Toux", "TDM", "Normal", "RAS"), s.dr);
            assertThatThrownBy(() -> s.reports.validate(draft.reportId(), s.dr))
                    .isInstanceOf(ExamNotPerformedException.class).hasMessageContaining("« En cours »");

            s.f.progress.complete(booked.step().id(), s.technologist);
            assertThat(s.status(booked)).isEqualTo(StepStatus.COMPLETED);
            assertThat(s.reports.validate(draft.reportId(), s.dr).status()).isEqualTo(ReportStatus.VALIDATED);
            assertThat(s.status(booked)).isEqualTo(StepStatus.VALIDATED);
            List<String> actions = s.f.audit.forPatient(booked.order().patientId(), 100).stream()
                    .map(AuditEvent::action).toList();
            assertThat(actions).contains(ExamProgressService.EXAM_STARTED, ExamProgressService.EXAM_COMPLETED,
                    ReportAuditActions.VALIDATED).doesNotContain(ReportAuditActions.VALIDATION_OVERRIDE);

            // An amendment of a validated report needs no override: the exam was performed.
            s.reports.amend(draft.reportId(), "Précision", s.dr);
            assertThat(s.reports.validate(draft.reportId(), s.dr).versionNumber()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void onlyATechnologistOrARadiologistMarksAnExamAndOnlyForward(TestDatabases.Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            Setting s = new Setting(new CoreFixture(db.database()));
            Booking booked = s.book();
            UserAccount secretary = s.f.user("secr", Role.SECRETAIRE, null);
            assertThatThrownBy(() -> s.f.progress.complete(booked.step().id(), Actor.user(secretary.id(), "secr")))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("manipulateur (MERM)");
            assertThatThrownBy(() -> s.f.progress.start(booked.step().id(), s.f.secretary))
                    .isInstanceOf(BusinessRuleException.class);
            assertThat(s.status(booked)).isEqualTo(StepStatus.SCHEDULED);

            s.f.progress.complete(booked.step().id(), s.dr);
            assertThatThrownBy(() -> s.f.progress.start(booked.step().id(), s.technologist))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("« Réalisé »");
            assertThatThrownBy(() -> s.f.progress.complete(booked.step().id(), s.technologist))
                    .isInstanceOf(BusinessRuleException.class);
            assertThatThrownBy(() -> s.f.booking.cancel(booked.appointment().id(), "erreur", s.f.secretary))
                    .as("a performed exam is not cancelled").isInstanceOf(BusinessRuleException.class);

            // Once performed, a new draft moves the step to dicté.
            s.reports.createDraft(booked.order().id(), s.dr);
            assertThat(s.status(booked)).isEqualTo(StepStatus.REPORTED);
        }
    }

    private static final class Setting {
        final CoreFixture f;
        final ReportService reports;
        final UserAccount doctor;
        final Actor dr;
        final Actor technologist;

        Setting(CoreFixture f) {
            this.f = f;
            reports = new ReportService(f.database, f.audit, f.ids, f.clock, f.uids);
            doctor = f.user("dr.test", Role.RADIOLOGUE, "99700000000");
            dr = Actor.user(doctor.id(), doctor.login());
            UserAccount merm = f.user("merm", Role.MANIPULATEUR, null);
            technologist = Actor.user(merm.id(), merm.login());
        }

        Booking book() {
            var room = f.room("CT1", Modality.CT);
            var exam = f.exam("CT-THX", Modality.CT, 15);
            var patient = f.patient("MARTIN", "LEA", LocalDate.of(1980, 1, 2), Sex.F);
            return f.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(), f.clock.instant(), null, null,
                    "Toux persistante", null), f.secretary);
        }

        StepStatus status(Booking booking) {
            return new OrderRepository(f.database.dsl()).findStep(booking.step().id()).orElseThrow().status();
        }
    }
}
