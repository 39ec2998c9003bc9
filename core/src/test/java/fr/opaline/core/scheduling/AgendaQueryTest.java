package fr.opaline.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.order.StepQuery;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AgendaQueryTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static final Instant NINE = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest
    @MethodSource("kinds")
    void agendaAndStepsOfADayComeWithTheirPatientAndOrder(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Room ct = f.room("CT1", Modality.CT);
            Room us = f.room("US1", Modality.US);
            ExamType scan = f.exam("CT-THX", Modality.CT, 20);
            ExamType echo = f.exam("US-ABD", Modality.US, 15);
            Patient anne = f.patient("MARTIN", "ANNE", LocalDate.of(1980, 5, 6), Sex.F);
            Patient paul = f.patient("DURAND", "PAUL", LocalDate.of(1975, 1, 2), Sex.M);
            Booking first = f.booking.book(new BookingRequest(anne.id(), ct.id(), scan.id(), NINE, null, null, null, null),
                    f.secretary);
            Booking second = f.booking.book(new BookingRequest(paul.id(), us.id(), echo.id(), NINE.plusSeconds(600), null,
                    null, null, null), f.secretary);
            Booking cancelled = f.booking.book(new BookingRequest(paul.id(), ct.id(), scan.id(), NINE.plusSeconds(3600),
                    null, null, null, null), f.secretary);
            f.booking.cancel(cancelled.appointment().id(), "test", f.secretary);
            f.booking.book(new BookingRequest(anne.id(), ct.id(), scan.id(), NINE.plusSeconds(86_400), null, null, null,
                    null), f.secretary);

            List<AgendaEntry> day = new AgendaQuery(db.database().dsl())
                    .between(List.of(ct.id(), us.id()), NINE.minusSeconds(3600), NINE.plusSeconds(12 * 3600));
            assertThat(day).extracting(e -> e.appointment().id())
                    .containsExactly(first.appointment().id(), second.appointment().id());
            assertThat(day.get(0).patient().traits().birthName()).isEqualTo("MARTIN");
            assertThat(day.get(0).accessionNumber()).isEqualTo(first.order().accessionNumber());
            assertThat(new AgendaQuery(db.database().dsl()).between(List.of(us.id()), NINE, NINE.plusSeconds(3600)))
                    .extracting(e -> e.patient().id()).containsExactly(paul.id());
            assertThat(new AgendaQuery(db.database().dsl()).between(List.of(), NINE, NINE.plusSeconds(3600))).isEmpty();

            List<StepEntry> steps = new StepQuery(db.database().dsl())
                    .scheduledBetween(NINE.minusSeconds(3600), NINE.plusSeconds(12 * 3600));
            assertThat(steps).extracting(s -> s.step().modality(), s -> s.step().status(), s -> s.patient().id())
                    .containsExactly(
                            tuple(Modality.CT, StepStatus.SCHEDULED, anne.id()),
                            tuple(Modality.CT, StepStatus.CANCELLED, paul.id()),
                            tuple(Modality.US, StepStatus.SCHEDULED, paul.id()));
            assertThat(steps.get(0).order().accessionNumber()).isEqualTo(first.order().accessionNumber());
        }
    }
}
