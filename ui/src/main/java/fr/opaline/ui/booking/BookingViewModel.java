package fr.opaline.ui.booking;

import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.scheduling.Booking;
import fr.opaline.core.scheduling.BookingRequest;
import fr.opaline.ui.agenda.AgendaGateway;
import fr.opaline.ui.agenda.Catalogue;

import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.patient.PatientNames;
import fr.opaline.ui.patient.NewPatientViewModel;
import fr.opaline.ui.patient.PatientSearchViewModel;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The booking dialog: find or create the patient, pick the exam in the catalogue (filtered by
 * the room's modality and by what is typed), the room, the day and the time, then book. Core
 * creates the order, its procedure and worklist step; a taken slot is refused with its reason.
 */
public final class BookingViewModel {

    private final AgendaGateway gateway;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final ZoneId zone;
    private final PatientSearchViewModel search;
    private final NewPatientViewModel newPatient;

    private final ObservableList<Room> rooms = FXCollections.observableArrayList();
    private final ObservableList<ExamType> exams = FXCollections.observableArrayList();
    private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>();
    private final BooleanProperty creatingPatient = new SimpleBooleanProperty();
    private final ObjectProperty<Room> room = new SimpleObjectProperty<>();
    private final ObjectProperty<ExamType> exam = new SimpleObjectProperty<>();
    private final StringProperty examFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalTime> time = new SimpleObjectProperty<>();
    private final StringProperty referrer = new SimpleStringProperty("");
    /** The prescriber chosen in the annuaire santé (RPPS and MSSanté address), null when typed freely. */
    private final ObjectProperty<fr.opaline.api.DirectoryContact> prescriber = new SimpleObjectProperty<>();
    private final StringProperty indication = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanBinding canBook = Bindings.createBooleanBinding(() -> patient.get() != null
                    && room.get() != null && exam.get() != null && date.get() != null && time.get() != null
                    && !saving.get(),
            patient, room, exam, date, time, saving);
    private Catalogue catalogue = Catalogue.EMPTY;

    public BookingViewModel(AgendaGateway gateway, Background background, Messages messages, Supplier<Actor> actor,
                            ZoneId zone, PatientSearchViewModel search, NewPatientViewModel newPatient) {
        this.gateway = gateway;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.zone = zone;
        this.search = search;
        this.newPatient = newPatient;
        search.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                patient.set(now);
            }
        });
        room.addListener((o, was, now) -> filterExams());
        examFilter.addListener((o, was, now) -> filterExams());
    }

    /** Opens the dialog's state on a slot (room, day, time; any may be null) and optionally a patient. */
    public void prepare(Catalogue read, Room slotRoom, LocalDate day, LocalTime start, Patient known) {
        catalogue = read;
        rooms.setAll(read.rooms());
        search.clear();
        newPatient.reset();
        creatingPatient.set(false);
        patient.set(known);
        examFilter.set("");
        exam.set(null);
        room.set(slotRoom != null ? slotRoom : rooms.isEmpty() ? null : rooms.get(0));
        filterExams();
        date.set(day);
        time.set(start);
        prescriber.set(null);
        referrer.set("");
        indication.set("");
        note.set("");
        error.set("");
    }

    public PatientSearchViewModel search() {
        return search;
    }

    public NewPatientViewModel newPatient() {
        return newPatient;
    }

    public ObservableList<Room> rooms() {
        return rooms;
    }

    public ObservableList<ExamType> exams() {
        return exams;
    }

    public ObjectProperty<Patient> patientProperty() {
        return patient;
    }

    public BooleanProperty creatingPatientProperty() {
        return creatingPatient;
    }

    public ObjectProperty<Room> roomProperty() {
        return room;
    }

    public ObjectProperty<ExamType> examProperty() {
        return exam;
    }

    public StringProperty examFilterProperty() {
        return examFilter;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<LocalTime> timeProperty() {
        return time;
    }

    public ObjectProperty<fr.opaline.api.DirectoryContact> prescriberProperty() {
        return prescriber;
    }

    /** Takes the prescriber picked in the directory: the referrer field shows their name. */
    public void choosePrescriber(fr.opaline.api.DirectoryContact contact) {
        prescriber.set(contact);
        referrer.set(contact == null ? "" : contact.displayName());
    }

    /** Searches the annuaire santé by name or RPPS in the background. */
    public void searchDirectory(String name, String rpps, Consumer<java.util.List<fr.opaline.api.DirectoryContact>> found,
                                Consumer<String> failed) {
        background.run(messages.get("directory.task"), progress -> gateway.searchDirectory(name, rpps), found::accept,
                failure -> failed.accept(UserErrors.describe(failure, messages)));
    }

    public StringProperty referrerProperty() {
        return referrer;
    }

    public StringProperty indicationProperty() {
        return indication;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public BooleanBinding canBook() {
        return canBook;
    }

    /** The exams the room can do, narrowed by the typed filter (label, code, CCAM code or region). */
    private void filterExams() {
        Room current = room.get();
        String filter = examFilter.get() == null ? "" : examFilter.get().strip().toLowerCase(Locale.ROOT);
        ExamType chosen = exam.get();
        exams.setAll(catalogue.exams().stream()
                .filter(e -> current == null || e.modality() == current.modality())
                .filter(e -> filter.isEmpty() || e.label().toLowerCase(Locale.ROOT).contains(filter)
                        || e.code().toLowerCase(Locale.ROOT).contains(filter)
                        || (e.ccamCode() != null && e.ccamCode().toLowerCase(Locale.ROOT).contains(filter))
                        || (e.anatomicalRegionLabel() != null
                        && e.anatomicalRegionLabel().toLowerCase(Locale.ROOT).contains(filter)))
                .toList());
        if (chosen != null && !exams.contains(chosen)) {
            exam.set(null);
        }
        if (exam.get() == null && exams.size() == 1) {
            exam.set(exams.get(0));
        }
    }

    public void startNewPatient() {
        newPatient.prefill(search);
        creatingPatient.set(true);
    }

    public void abandonNewPatient() {
        creatingPatient.set(false);
    }

    public void createPatient() {
        newPatient.create(this::patientCreated, this::patientRetrieved);
    }

    /** Creates the patient from the identity INSi returned for the typed traits. */
    public void createPatientFromInsi() {
        newPatient.createFromInsi(this::patientCreated);
    }

    /** INSi, asked on its own after the creation, returned an identity taken at once (récupérée). */
    private void patientRetrieved(Patient updated) {
        if (patient.get() != null && patient.get().id().equals(updated.id())) {
            search.showCreated(updated);
            patient.set(updated);
        }
    }

    private void patientCreated(Patient created) {
        creatingPatient.set(false);
        search.showCreated(created);
        patient.set(created);
    }

    /** Books the slot; on success calls back with what core created. */
    public void book(Consumer<Booking> onBooked) {
        if (!canBook.get()) {
            error.set(messages.get("booking.error.incomplete"));
            return;
        }
        error.set("");
        saving.set(true);
        fr.opaline.api.DirectoryContact chosen = prescriber.get() != null
                && prescriber.get().displayName().equals(referrer.get()) ? prescriber.get() : null;
        BookingRequest request = new BookingRequest(patient.get().id(), room.get().id(), exam.get().id(),
                date.get().atTime(time.get()).atZone(zone).toInstant(), blankToNull(referrer.get()),
                chosen == null ? null : chosen.rpps(), blankToNull(indication.get()), blankToNull(note.get()));
        background.run(messages.get("booking.task"), progress -> {
            Booking booked = gateway.book(request, actor.get());
            if (chosen != null) {
                gateway.choosePrescriber(booked.order().id(), chosen);
            }
            return booked;
        }, booking -> {
            saving.set(false);
            onBooked.accept(booking);
        }, failure -> {
            saving.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    public String bookedMessage(Booking booking) {
        return messages.format("booking.done", PatientNames.display(patient.get()), exam.get().label(),
                messages.longDateInText(date.get()), messages.time(time.get()), room.get().name(),
                booking.order().accessionNumber());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
