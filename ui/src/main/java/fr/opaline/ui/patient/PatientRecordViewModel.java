package fr.opaline.ui.patient;

import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.patient.Patient;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.document.DocumentViewerViewModel;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insi.InsiRetrievalViewModel;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The patient record: identity, appointments, orders and documents of one patient. */
public final class PatientRecordViewModel {

    /** Documents by type, then most recent act first (issue 9: "sorted by type and act date"). */
    static final Comparator<ClinicalDocument> DOCUMENT_ORDER = Comparator
            .comparing(ClinicalDocument::typeCode)
            .thenComparing(ClinicalDocument::effectiveAt, Comparator.reverseOrder());

    private final PatientDirectory directory;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;

    private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>();
    private final ObservableList<PatientFile.AppointmentLine> appointments = FXCollections.observableArrayList();
    private final ObservableList<PatientFile.OrderLine> orders = FXCollections.observableArrayList();
    private final ObservableList<ClinicalDocument> documents = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final InsiRetrievalViewModel insi;
    private final DocumentViewerViewModel viewer;
    private UUID requested;

    public PatientRecordViewModel(PatientDirectory directory, Background background, Messages messages,
                                  Supplier<Actor> actor) {
        this.directory = directory;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.insi = new InsiRetrievalViewModel(directory.insi(), background, messages, actor);
        this.viewer = new DocumentViewerViewModel(directory.documents(), background, messages);
    }

    /** The viewer of the document chosen in the list. */
    public DocumentViewerViewModel viewer() {
        return viewer;
    }

    /** The INS récupération of the shown patient. */
    public InsiRetrievalViewModel insi() {
        return insi;
    }

    /** Asks INSi for the shown patient; the record is read again when the INS was taken. */
    public void lookupInsi() {
        if (requested != null) {
            insi.lookupForPatient(requested, updated -> reload());
        }
    }

    /** Takes the identity INSi returned after the user compared it (one click). */
    public void confirmInsi() {
        insi.confirm(updated -> reload());
    }

    public ObjectProperty<Patient> patientProperty() {
        return patient;
    }

    public ObservableList<PatientFile.AppointmentLine> appointments() {
        return appointments;
    }

    public ObservableList<PatientFile.OrderLine> orders() {
        return orders;
    }

    public ObservableList<ClinicalDocument> documents() {
        return documents;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public void open(UUID patientId) {
        if (!patientId.equals(requested)) {
            insi.clear();
            viewer.show(null);
        }
        requested = patientId;
        loading.set(true);
        error.set("");
        background.run(messages.get("record.task"), progress -> directory.open(patientId, actor.get()), file -> {
            if (!patientId.equals(requested)) {
                return;
            }
            loading.set(false);
            patient.set(file.patient());
            appointments.setAll(file.appointments());
            orders.setAll(file.orders());
            documents.setAll(file.documents().stream().sorted(DOCUMENT_ORDER).toList());
        }, failure -> {
            if (!patientId.equals(requested)) {
                return;
            }
            loading.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    /** Reads the shown patient again (after a booking, for instance). */
    public void reload() {
        if (requested != null) {
            open(requested);
        }
    }
}
