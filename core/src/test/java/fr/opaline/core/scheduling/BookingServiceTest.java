package fr.opaline.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import fr.opaline.core.testing.TestDatabases.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BookingServiceTest {

    static Stream<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static final Instant NINE = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest
    @MethodSource("kinds")
    void bookingCreatesOrderProcedureAndStepWithARisStudyUid(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Room ct = f.room("CT1", Modality.CT);
            ExamType exam = f.exam("CT-THX", Modality.CT, 20);
            Patient p = f.patient("DUPONT", "JEAN", LocalDate.of(1970, 1, 2), Sex.M);

            Booking first = f.booking.book(new BookingRequest(p.id(), ct.id(), exam.id(), NINE, "Dr Martin", "10003456789",
                    "Toux persistante", null), f.secretary);
            Booking second = f.booking.book(new BookingRequest(p.id(), ct.id(), exam.id(), NINE.plusSeconds(1200), null,
                    null, null, null), f.secretary);

            assertThat(first.appointment().endsAt()).isEqualTo(NINE.plusSeconds(1200));
            assertThat(first.order().accessionNumber()).isNotEqualTo(second.order().accessionNumber()).hasSizeLessThanOrEqualTo(16);
            assertThat(first.step().studyInstanceUid()).startsWith(CoreFixture.UID_ROOT + ".1.")
                    .isNotEqualTo(second.step().studyInstanceUid());
            assertThat(first.step().status()).isEqualTo(StepStatus.SCHEDULED);
            assertThat(first.step().stationAeTitle()).isEqualTo("AE_CT1");
            // One care episode for both, with the DSR defaults: feeding allowed, consultation not asked.
            var episodes = new CareEpisodeRepository(db.database().dsl()).findByPatient(p.id());
            assertThat(episodes).hasSize(1);
            assertThat(episodes.get(0).feedingAllowed()).isTrue();
            assertThat(episodes.get(0).consultationConsent()).isEqualTo(ConsultationConsent.NOT_ASKED);
            assertThat(first.order().careEpisodeId()).isEqualTo(episodes.get(0).id());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesDoubleBookingWithAClearMessageButAllowsAdjacentSlots(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Room mr = f.room("IRM1", Modality.MR);
            ExamType exam = f.exam("MR-GEN", Modality.MR, 30);
            Patient p = f.patient("DUPONT", "JEAN", LocalDate.of(1970, 1, 2), Sex.M);
            f.booking.book(new BookingRequest(p.id(), mr.id(), exam.id(), NINE, null, null, null, null), f.secretary);

            assertThatThrownBy(() -> f.booking.book(new BookingRequest(p.id(), mr.id(), exam.id(), NINE.plusSeconds(600),
                    null, null, null, null), f.secretary))
                    .isInstanceOf(BookingConflictException.class)
                    .hasMessageContaining("Créneau déjà occupé en salle Salle IRM1")
                    .hasMessageContaining("de 09:00 à 09:30");
            f.booking.book(new BookingRequest(p.id(), mr.id(), exam.id(), NINE.plusSeconds(1800), null, null, null, null),
                    f.secretary);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void refusesAnExamInARoomOfAnotherModality(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Room us = f.room("ECHO1", Modality.US);
            ExamType exam = f.exam("MR-GEN", Modality.MR, 30);
            Patient p = f.patient("DUPONT", "JEAN", LocalDate.of(1970, 1, 2), Sex.M);
            assertThatThrownBy(() -> f.booking.book(new BookingRequest(p.id(), us.id(), exam.id(), NINE, null, null, null,
                    null), f.secretary)).isInstanceOf(BusinessRuleException.class).hasMessageContaining("ne se fait pas");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void movingCancellingAndArrivalFollowTheStep(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind)) {
            CoreFixture f = new CoreFixture(db.database());
            Room ct1 = f.room("CT1", Modality.CT);
            Room ct2 = f.room("CT2", Modality.CT);
            ExamType exam = f.exam("CT-THX", Modality.CT, 20);
            Patient p = f.patient("DUPONT", "JEAN", LocalDate.of(1970, 1, 2), Sex.M);
            Booking a = f.booking.book(new BookingRequest(p.id(), ct1.id(), exam.id(), NINE, null, null, null, null), f.secretary);
            Booking b = f.booking.book(new BookingRequest(p.id(), ct2.id(), exam.id(), NINE, null, null, null, null), f.secretary);

            assertThatThrownBy(() -> f.booking.move(a.appointment().id(), NINE, ct2.id(), f.secretary))
                    .isInstanceOf(BookingConflictException.class);
            f.booking.move(a.appointment().id(), NINE.plusSeconds(3600), ct2.id(), f.secretary);
            OrderRepository orders = new OrderRepository(db.database().dsl());
            var moved = orders.findStep(a.step().id()).orElseThrow();
            assertThat(moved.scheduledStart()).isEqualTo(NINE.plusSeconds(3600));
            assertThat(moved.stationAeTitle()).isEqualTo("AE_CT2");

            f.booking.markArrived(a.appointment().id(), f.secretary);
            assertThat(orders.findStep(a.step().id()).orElseThrow().status()).isEqualTo(StepStatus.ARRIVED);
            f.booking.cancel(b.appointment().id(), "patient malade", f.secretary);
            assertThat(orders.findStep(b.step().id()).orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
            // the freed slot can be booked again
            f.booking.book(new BookingRequest(p.id(), ct2.id(), exam.id(), NINE, null, null, null, null), f.secretary);
            assertThatThrownBy(() -> f.booking.cancel(b.appointment().id(), null, f.secretary))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("déjà annulé");
        }
    }

    /** Two "processes" (two pools) and several threads race for the same slots: each slot is booked once. */
    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentBookingsFromTwoPoolsNeverDoubleBook(Kind kind) throws Exception {
        try (var db = TestDatabases.create(kind); Database other = TestDatabases.secondPool(db)) {
            CoreFixture f1 = new CoreFixture(db.database());
            CoreFixture f2 = new CoreFixture(other, f1.clock);
            Room ct = f1.room("CT1", Modality.CT);
            ExamType exam = f1.exam("CT-THX", Modality.CT, 20);
            Patient p = f1.patient("DUPONT", "JEAN", LocalDate.of(1970, 1, 2), Sex.M);
            int slots = 5;
            int attemptsPerSlot = 4;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            List<Instant> candidates = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                for (int a = 0; a < attemptsPerSlot; a++) {
                    CoreFixture f = a % 2 == 0 ? f1 : f2;
                    Instant when = NINE.plusSeconds(1200L * s + 60L * a); // overlapping starts within one slot
                    candidates.add(when);
                    Callable<Boolean> attempt = () -> {
                        start.await();
                        try {
                            f.booking.book(new BookingRequest(p.id(), ct.id(), exam.id(), when, null, null, null, null),
                                    f.secretary);
                            return true;
                        } catch (BookingConflictException e) {
                            return false;
                        }
                    };
                    results.add(pool.submit(attempt));
                }
            }
            start.countDown();
            int booked = 0;
            for (Future<Boolean> r : results) {
                booked += r.get() ? 1 : 0;
            }
            pool.shutdown();
            var appointments = new AppointmentRepository(db.database().dsl())
                    .inRange(List.of(ct.id()), NINE.minusSeconds(3600), NINE.plusSeconds(86400));
            for (int i = 0; i < appointments.size(); i++) {
                for (int j = i + 1; j < appointments.size(); j++) {
                    assertThat(appointments.get(i).overlaps(appointments.get(j).startsAt(), appointments.get(j).endsAt()))
                            .as("appointments %s and %s overlap", i, j).isFalse();
                }
            }
            assertThat(appointments).hasSize(booked);
            // serialised bookings are greedy: every refused candidate overlaps a booked one
            for (Instant candidate : candidates) {
                assertThat(appointments).as("candidate %s refused without a conflict", candidate)
                        .anyMatch(a -> a.overlaps(candidate, candidate.plusSeconds(1200)));
            }
            Set<String> uids = new HashSet<>();
            appointments.forEach(a -> uids.add(new OrderRepository(db.database().dsl()).findByAppointment(a.id())
                    .map(o -> o.accessionNumber()).orElseThrow()));
            assertThat(uids).hasSize(booked);
        }
    }
}
