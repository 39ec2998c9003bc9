package fr.opaline.ui.patient;

import fr.opaline.core.patient.PatientFile;
import fr.opaline.core.common.Actor;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.patient.Patient;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.dmp.DmpUser;
import fr.opaline.ui.dmp.DicaViewModel;
import fr.opaline.ui.dmp.DmpRecordViewModel;
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
    /** The shown patient's birthplace as named by the commune referential, null when unnamed (set before the patient). */
    private final ObjectProperty<fr.opaline.api.Birthplace> birthplace = new SimpleObjectProperty<>();
    private final ObservableList<PatientFile.AppointmentLine> appointments = FXCollections.observableArrayList();
    private final ObservableList<PatientFile.OrderLine> orders = FXCollections.observableArrayList();
    private final ObservableList<ClinicalDocument> documents = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final InsiRetrievalViewModel insi;
    private final DocumentViewerViewModel viewer;
    private final DicaViewModel dica;
    private final DmpRecordViewModel dmp;
    private final fr.opaline.ui.identity.IdentityDeskViewModel desk;
    private final java.util.Set<UUID> askedInsi = new java.util.HashSet<>();
    private boolean couldAskTheDmp;
    private UUID requested;

    public PatientRecordViewModel(PatientDirectory directory, Background background, Messages messages,
                                  Supplier<Actor> actor) {
        this(directory, background, messages, actor, null, java.time.ZoneId.systemDefault());
    }

    /**
     * @param dmpUser null: no DICA nor DMP in the record (who the user is for the DMP is decided by
     *                the server from the session; the desktop only says whether to show them)
     */
    public PatientRecordViewModel(PatientDirectory directory, Background background, Messages messages,
                                  Supplier<Actor> actor, Supplier<DmpUser> dmpUser, java.time.ZoneId zone) {
        this.directory = directory;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.insi = new InsiRetrievalViewModel(directory.identity(), background, messages, actor);
        this.viewer = new DocumentViewerViewModel(directory.documents(), background, messages);
        fr.opaline.api.DmpApi dmpApi = dmpUser == null ? null : directory.dmp();
        this.dica = new DicaViewModel(dmpApi, background, messages);
        this.dmp = new DmpRecordViewModel(dmpApi != null && directory.features().dmpConsultation() ? dmpApi : null,
                background, messages, zone);
        // What the DMP answered changes the DICA's DMP condition: the server evaluates it again.
        dmp.onOpened(dica::refresh);
        this.desk = new fr.opaline.ui.identity.IdentityDeskViewModel(directory.identityDesk(), background, messages);
        desk.onChanged(updated -> reload());
        // The DMP is asked when the user's conditions become met (on opening, after consent…).
        dica.checklistProperty().addListener((o, was, now) -> {
            boolean can = dica.mayAskTheDmp();
            if (can && !couldAskTheDmp && dmp.available()) {
                dmp.open();
            }
            couldAskTheDmp = can;
        });
    }

    /** The DICA icon and checklist of the shown patient. */
    public DicaViewModel dica() {
        return dica;
    }

    /** The shown patient's DMP: counts, list, integration. */
    public DmpRecordViewModel dmp() {
        return dmp;
    }

    /** The viewer of the document chosen in the list. */
    public DocumentViewerViewModel viewer() {
        return viewer;
    }

    /** Who is signed in, as the identity check's default "checked by". */
    public String userName() {
        Actor who = actor.get();
        return who == null ? "" : who.login();
    }

    /** The identity actions at the desk on the shown patient. */
    public fr.opaline.ui.identity.IdentityDeskViewModel desk() {
        return desk;
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

    /** The shown patient's birthplace named by the practice server's referential; null when it has no name for it. */
    public ObjectProperty<fr.opaline.api.Birthplace> birthplaceProperty() {
        return birthplace;
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

    /** Asks the server for the DRIMbox conso's address of the exam's images; a refusal (consent) is shown. */
    public void images(PatientFile.OrderLine line, java.util.function.Consumer<String> shown) {
        error.set("");
        background.run(messages.get("record.images.title"), progress -> directory.drimboxUrl(line.order().id()),
                shown::accept, failure -> error.set(UserErrors.describe(failure, messages)));
    }

    Background background() {
        return background;
    }

    public void open(UUID patientId) {
        if (!patientId.equals(requested)) {
            askedInsi.clear();
            insi.clear();
            viewer.show(null);
            couldAskTheDmp = false;
            dmp.clear(patientId);
        }
        // Again on a reload: the INS may have changed (INSi), which the DICA condition reads.
        dica.watch(patientId);
        requested = patientId;
        loading.set(true);
        error.set("");
        background.run(messages.get("record.task"), progress -> {
            PatientFile read = directory.open(patientId, actor.get());
            return new Opened(read, directory.birthplace(read.patient()));
        }, opened -> {
            if (!patientId.equals(requested)) {
                return;
            }
            PatientFile file = opened.file();
            loading.set(false);
            birthplace.set(opened.birthplace());
            patient.set(file.patient());
            desk.patientProperty().set(file.patient());
            // SC.INS.13: a record whose INS is not verified is looked up at INSi on opening, in the
            // background, once per opening of the record; the answer shows as the trait comparison.
            if (insi.available() && fr.opaline.ins.insi.InsiLookupService.shouldQueryOnOpen(file.patient())
                    && askedInsi.add(patientId) && !insi.busyProperty().get()) {
                insi.lookupForPatient(patientId, updated -> reload());
            }
            // A reload after an identity change brings the same lists: leave their tables alone
            // (rebuilding them with the header kept the FX thread busy over 100 ms).
            replaceIfChanged(appointments, file.appointments());
            replaceIfChanged(orders, file.orders());
            replaceIfChanged(documents, file.documents().stream().sorted(DOCUMENT_ORDER).toList());
        }, failure -> {
            if (!patientId.equals(requested)) {
                return;
            }
            loading.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    /** A record as read off the FX thread: the file and the birthplace's name. */
    private record Opened(PatientFile file, fr.opaline.api.Birthplace birthplace) {
    }

    private static <T> void replaceIfChanged(javafx.collections.ObservableList<T> shown, java.util.List<T> read) {
        if (!shown.equals(read)) {
            shown.setAll(read);
        }
    }

    /** Reads the shown patient again (after a booking, for instance). */
    public void reload() {
        if (requested != null) {
            open(requested);
        }
    }
}
