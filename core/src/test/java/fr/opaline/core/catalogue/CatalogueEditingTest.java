package fr.opaline.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Rooms and exams edited and deactivated by an administrator: audited, kept on past bookings, refused for new ones. */
class CatalogueEditingTest {

    @Test
    void anEditedAndDeactivatedExamStaysOnItsBookingsAndIsRefusedForNewOnes() throws Exception {
        try (var db = TestDatabases.h2()) {
            CoreFixture core = new CoreFixture(db.database());
            CatalogueService catalogue = new CatalogueService(db.database(), core.audit, core.ids);
            Room room = catalogue.addRoom(AccountsFixture.ADMIN_PROCESS, "CT1", "Scanner", Modality.CT, "AE_CT1", null);
            ExamType exam = catalogue.addExamType(AccountsFixture.ADMIN_PROCESS, "TDM", "Scanner", Modality.CT, 20, null);
            Patient patient = core.patient("MOREAU", "JULIE", LocalDate.of(1970, 1, 1), Sex.F);
            Booking booked = core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                    core.clock.instant().plus(Duration.ofHours(2)), null, null, null, null), core.secretary);

            ExamType edited = catalogue.updateExamType(AccountsFixture.ADMIN_PROCESS, exam.id(), "Scanner thoracique", 25,
                    "ZBQK002");
            assertThat(edited.label()).isEqualTo("Scanner thoracique");
            assertThat(core.audit.latest(1).get(0).detail())
                    .isEqualTo("examen modifié : TDM : libellé : Scanner → Scanner thoracique ; durée : 20 min → 25 min ;"
                            + " CCAM : — → ZBQK002");
            catalogue.setExamTypeActive(AccountsFixture.ADMIN_PROCESS, exam.id(), false);
            catalogue.updateRoom(AccountsFixture.ADMIN_PROCESS, room.id(), "Scanner 1", "AE_CT1B", "CT1");
            assertThat(catalogue.rooms().get(0).stationAeTitle()).isEqualTo("AE_CT1B");

            assertThat(catalogue.examTypes()).singleElement().satisfies(e -> assertThat(e.active()).isFalse());
            assertThat(db.database().inSnapshot(ctx -> new fr.opaline.core.scheduling.AppointmentRepository(ctx)
                    .findById(booked.appointment().id())).orElseThrow().examTypeId()).as("kept on the booking")
                    .isEqualTo(exam.id());
            assertThatThrownBy(() -> core.booking.book(new BookingRequest(patient.id(), room.id(), exam.id(),
                    core.clock.instant().plus(Duration.ofHours(4)), null, null, null, null), core.secretary))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("plus actif");

            catalogue.setRoomActive(AccountsFixture.ADMIN_PROCESS, room.id(), false);
            assertThat(core.audit.latest(1).get(0).detail()).isEqualTo("salle désactivée : CT1");
            assertThatThrownBy(() -> catalogue.updateExamType(AccountsFixture.ADMIN_PROCESS, exam.id(), "x", 2, null))
                    .hasMessageContaining("La durée d'un examen va de 5 à 480 minutes.");
            var secretary = core.user("accueil", fr.opaline.core.user.Role.SECRETAIRE, null);
            assertThatThrownBy(() -> catalogue.setRoomActive(fr.opaline.core.common.Actor.user(secretary.id(),
                    secretary.login()), room.id(), true)).hasMessage("Action réservée aux administrateurs du cabinet.");
        }
    }
}
