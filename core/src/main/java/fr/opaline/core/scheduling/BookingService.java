package fr.opaline.core.scheduling;

import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.catalogue.CatalogueRepository;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeService;
import fr.opaline.core.order.ImagingOrder;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.order.RequestedProcedure;
import fr.opaline.core.order.ScheduledProcedureStep;
import fr.opaline.core.order.StepStatus;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.uid.SequenceCounters;
import fr.opaline.core.uid.UidGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Books, moves, cancels exams and marks arrivals. A booking creates in one transaction the
 * appointment, the RIS order (accession number, order placer number), its requested procedure
 * and the scheduled procedure step with a Study Instance UID made by the RIS.
 * Bookings in a room are serialised by a lock on the room row, so two workstations can never
 * take the same slot.
 */
public final class BookingService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final UidGenerator uids;
    private final CareEpisodeService episodes;
    private final List<BookingListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public BookingService(Database database, AuditTrail audit, IdGenerator ids, Clock clock, UidGenerator uids,
                          CareEpisodeService episodes) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.uids = uids;
        this.episodes = episodes;
    }

    /** Called on every booking, move and cancellation, in its transaction (after the write). */
    public void addListener(BookingListener listener) {
        listeners.add(listener);
    }

    private void notify(DSLContext ctx, BookingListener.Kind kind, UUID appointmentId, Actor actor) {
        for (BookingListener l : listeners) {
            l.onBookingChange(ctx, kind, appointmentId, actor);
        }
    }

    public Booking book(BookingRequest request, Actor actor) {
        return database.inTransaction(ctx -> book(ctx, request, actor));
    }

    public Booking book(DSLContext ctx, BookingRequest request, Actor actor) {
        CatalogueRepository catalogue = new CatalogueRepository(ctx);
        Room room = catalogue.lockRoom(request.roomId()).orElseThrow(() -> new NotFoundException("Salle introuvable"));
        ExamType exam = catalogue.examType(request.examTypeId())
                .orElseThrow(() -> new NotFoundException("Examen introuvable dans le catalogue"));
        if (!room.active() || !exam.active()) {
            throw new BusinessRuleException("La salle ou l'examen choisi n'est plus actif.");
        }
        if (room.modality() != exam.modality()) {
            throw new BusinessRuleException("L'examen « " + exam.label() + " » (" + exam.modality().label()
                    + ") ne se fait pas en salle " + room.name() + " (" + room.modality().label() + ").");
        }
        new PatientRepository(ctx).findById(request.patientId())
                .orElseThrow(() -> new NotFoundException("Patient introuvable"));
        Instant start = request.start();
        Instant end = start.plus(Duration.ofMinutes(exam.durationMinutes()));
        refuseConflicts(new AppointmentRepository(ctx), room, start, end, null);

        Instant now = clock.instant();
        CareEpisode episode = episodes.currentOrOpen(ctx, request.patientId(), actor);
        Appointment appointment = new Appointment(ids.newId(), request.patientId(), room.id(), exam.id(), start, end,
                AppointmentStatus.BOOKED, request.note(), actor.userId(), now, 0);
        new AppointmentRepository(ctx).insert(appointment);

        long number = SequenceCounters.next(ctx, "order");
        ImagingOrder order = new ImagingOrder(ids.newId(), request.patientId(), episode.id(), appointment.id(),
                String.format("A%09d", number), String.format("OPL%09d", number), request.referringPhysicianName(),
                request.referringPhysicianRpps(), request.clinicalIndication(), now);
        RequestedProcedure procedure = new RequestedProcedure(ids.newId(), order.id(), exam.id(),
                String.format("RP%09d", number), exam.label());
        ScheduledProcedureStep step = new ScheduledProcedureStep(ids.newId(), procedure.id(),
                String.format("SPS%09d", number), uids.newStudyInstanceUid(ctx), exam.modality(), room.id(),
                room.stationAeTitle(), start, null, exam.label(), StepStatus.SCHEDULED, now);
        OrderRepository orders = new OrderRepository(ctx);
        orders.insert(order);
        orders.insert(procedure);
        orders.insert(step);
        audit.record(ctx, AuditEntry.of(actor, AuditAction.APPOINTMENT_BOOKED, request.patientId())
                .on("imaging_order", order.accessionNumber())
                .withDetail(exam.code() + " en " + room.code() + " le " + start));
        notify(ctx, BookingListener.Kind.BOOKED, appointment.id(), actor);
        return new Booking(appointment, order, procedure, step);
    }

    /** Moves an appointment to another time and/or room; the worklist step follows. */
    public Appointment move(UUID appointmentId, Instant newStart, UUID newRoomId, Actor actor) {
        return database.inTransaction(ctx -> {
            AppointmentRepository appointments = new AppointmentRepository(ctx);
            CatalogueRepository catalogue = new CatalogueRepository(ctx);
            Appointment current = appointments.findById(appointmentId)
                    .orElseThrow(() -> new NotFoundException("Rendez-vous introuvable"));
            if (!AppointmentStatus.OCCUPYING.contains(current.status())) {
                throw new BusinessRuleException("Un rendez-vous " + current.status().label().toLowerCase(Locale.FRENCH)
                        + " ne peut pas être déplacé.");
            }
            UUID roomId = newRoomId == null ? current.roomId() : newRoomId;
            Room room = catalogue.lockRoom(roomId).orElseThrow(() -> new NotFoundException("Salle introuvable"));
            ExamType exam = catalogue.examType(current.examTypeId()).orElseThrow();
            if (room.modality() != exam.modality()) {
                throw new BusinessRuleException("L'examen « " + exam.label() + " » ne se fait pas en salle " + room.name() + ".");
            }
            Instant end = newStart.plus(Duration.between(current.startsAt(), current.endsAt()));
            refuseConflicts(appointments, room, newStart, end, appointmentId);
            Appointment moved = appointments.update(new Appointment(current.id(), current.patientId(), roomId,
                    current.examTypeId(), newStart, end, current.status(), current.note(), current.createdBy(),
                    current.createdAt(), current.rowVersion()));
            OrderRepository orders = new OrderRepository(ctx);
            orders.findByAppointment(appointmentId).ifPresent(order -> orders.stepsOfOrder(order.id()).forEach(step ->
                    orders.rescheduleStep(step.id(), newStart, roomId, room.stationAeTitle(), clock.instant())));
            audit.record(ctx, AuditEntry.of(actor, AuditAction.APPOINTMENT_MOVED, current.patientId())
                    .on("appointment", appointmentId).withDetail(current.startsAt() + " → " + newStart + " en " + room.code()));
            notify(ctx, BookingListener.Kind.MOVED, appointmentId, actor);
            return moved;
        });
    }

    public Appointment cancel(UUID appointmentId, String reason, Actor actor) {
        return changeStatus(appointmentId, AppointmentStatus.CANCELLED, StepStatus.CANCELLED,
                AuditAction.APPOINTMENT_CANCELLED, reason, actor);
    }

    public Appointment markArrived(UUID appointmentId, Actor actor) {
        return changeStatus(appointmentId, AppointmentStatus.ARRIVED, StepStatus.ARRIVED, AuditAction.PATIENT_ARRIVED,
                null, actor);
    }

    private Appointment changeStatus(UUID appointmentId, AppointmentStatus status, StepStatus stepStatus,
                                     String action, String detail, Actor actor) {
        return database.inTransaction(ctx -> {
            AppointmentRepository appointments = new AppointmentRepository(ctx);
            Appointment current = appointments.findById(appointmentId)
                    .orElseThrow(() -> new NotFoundException("Rendez-vous introuvable"));
            if (!AppointmentStatus.OCCUPYING.contains(current.status())) {
                throw new BusinessRuleException("Ce rendez-vous est déjà " + current.status().label().toLowerCase(Locale.FRENCH) + ".");
            }
            OrderRepository orders = new OrderRepository(ctx);
            List<ScheduledProcedureStep> steps = orders.findByAppointment(appointmentId)
                    .map(order -> orders.stepsOfOrder(order.id())).orElse(List.of());
            for (ScheduledProcedureStep step : steps) {
                if (!step.status().canMoveTo(stepStatus)) {
                    throw new BusinessRuleException("L'examen est déjà « " + step.status().label()
                            + " » : impossible de le passer à « " + stepStatus.label() + " ».");
                }
            }
            Appointment changed = appointments.update(new Appointment(current.id(), current.patientId(),
                    current.roomId(), current.examTypeId(), current.startsAt(), current.endsAt(), status, current.note(),
                    current.createdBy(), current.createdAt(), current.rowVersion()));
            steps.forEach(step -> orders.updateStepStatus(step.id(), stepStatus, clock.instant()));
            audit.record(ctx, AuditEntry.of(actor, action, current.patientId()).on("appointment", appointmentId)
                    .withDetail(detail));
            if (status == AppointmentStatus.CANCELLED) {
                notify(ctx, BookingListener.Kind.CANCELLED, appointmentId, actor);
            }
            return changed;
        });
    }

    private void refuseConflicts(AppointmentRepository appointments, Room room, Instant start, Instant end, UUID except) {
        List<Appointment> conflicts = appointments.conflicts(room.id(), start, end, except);
        if (!conflicts.isEmpty()) {
            Appointment first = conflicts.get(0);
            var zone = clock.getZone();
            throw new BookingConflictException("Créneau déjà occupé en salle " + room.name() + " le "
                    + DAY.format(first.startsAt().atZone(zone)) + " de " + TIME.format(first.startsAt().atZone(zone))
                    + " à " + TIME.format(first.endsAt().atZone(zone)) + ". Choisissez un autre horaire ou une autre salle.",
                    conflicts);
        }
    }
}
