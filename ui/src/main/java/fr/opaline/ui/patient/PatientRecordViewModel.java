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
    private final fr.opaline.ui.dmp.DmpFeedViewModel feed;
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
        this.insi = new InsiRetrievalViewModel(directory.identity(), background, messages, actor,
                directory::birthplace);
        this.viewer = new DocumentViewerViewModel(directory.documents(), background, messages);
        fr.opaline.api.DmpApi dmpApi = dmpUser == null ? null : directory.dmp();
        this.dica = new DicaViewModel(dmpApi, background, messages);
        this.dmp = new DmpRecordViewModel(dmpApi != null && directory.features().dmpConsultation() ? dmpApi : null,
                background, messages, zone);
        this.feed = new fr.opaline.ui.dmp.DmpFeedViewModel(dmp.available() ? dmpApi : null, background, messages);
        feed.onChanged(this::reload);
        // What the DMP answered changes the DICA's DMP condition: the server evaluates it again.
        dmp.onOpened(dica::refresh);
        // A newer version the DMP holds is said in the viewer too, not only in the DMP tab (CDA/DD.05).
        viewer.newerElsewhere(id -> dmp.newerVersions().stream().filter(v -> id.equals(v.localDocumentId()))
                .map(v -> v.title() == null ? "" : v.title()).findFirst());
        dmp.newerVersions().addListener((javafx.collections.ListChangeListener<Object>) c -> viewer.recheckVersion());
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

    /** The record's own documents and the DMP: historical feed, DMP-only delete, visibility. */
    public fr.opaline.ui.dmp.DmpFeedViewModel feed() {
        return feed;
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

    /** One line per document, a local CR once (its N3), its N1 and PDF behind it (CDA/DD.15). */
    public ObservableList<ClinicalDocument> documents() {
        return documents;
    }

    /**
     * The forms of the CR a listed document stands for, N3 first, then N1, then PDF; the document
     * alone when it is not a local CR.
     */
    public java.util.List<ClinicalDocument> variants(ClinicalDocument listed) {
        if (listed == null || listed.reportVersionId() == null) {
            return listed == null ? java.util.List.of() : java.util.List.of(listed);
        }
        return variants.getOrDefault(listed.reportVersionId(), java.util.List.of(listed));
    }

    private java.util.Map<java.util.UUID, java.util.List<ClinicalDocument>> variants = java.util.Map.of();

    /** A CR version's documents (N3, N1 = N3 id + ".1", PDF = N3 id + ".2"), shortest id (the N3) first. */
    static java.util.Map<java.util.UUID, java.util.List<ClinicalDocument>> byReport(java.util.List<ClinicalDocument> all) {
        java.util.Map<java.util.UUID, java.util.List<ClinicalDocument>> groups = new java.util.HashMap<>();
        for (ClinicalDocument d : all) {
            if (d.reportVersionId() != null) {
                groups.computeIfAbsent(d.reportVersionId(), k -> new java.util.ArrayList<>()).add(d);
            }
        }
        groups.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing((ClinicalDocument d) -> d.documentUid().length())
                .thenComparing(ClinicalDocument::documentUid)).toList());
        return groups;
    }

    /** The list with each local CR version once: its N3 (the shortest id of the version's documents). */
    static java.util.List<ClinicalDocument> onePerReport(java.util.List<ClinicalDocument> all) {
        java.util.Map<java.util.UUID, java.util.List<ClinicalDocument>> groups = byReport(all);
        return all.stream().filter(d -> d.reportVersionId() == null
                || groups.get(d.reportVersionId()).get(0).id().equals(d.id())).toList();
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
            feed.select(null);
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
            variants = byReport(file.documents());
            replaceIfChanged(documents, onePerReport(file.documents()).stream().sorted(DOCUMENT_ORDER).toList());
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

    /** The identity status history and the DMP consent history of the shown patient (issue 23). */
    public record Histories(java.util.List<fr.opaline.api.identity.StatusHistoryLine> identity,
                            java.util.List<fr.opaline.api.dmp.ConsentHistoryLine> consent) {
    }

    /** Reads both histories of the shown patient in the background; a refusal is shown as the record's error. */
    public void histories(java.util.function.Consumer<Histories> shown) {
        UUID patientId = requested;
        if (patientId == null) {
            return;
        }
        fr.opaline.api.DmpApi dmpApi = dica.available() ? directory.dmp() : null;
        background.run(messages.get("record.history.task"), progress -> new Histories(
                directory.identityDesk().statusHistory(patientId),
                dmpApi == null ? java.util.List.of() : dmpApi.consentHistory(patientId)), read -> {
                    if (patientId.equals(requested)) {
                        shown.accept(read);
                    }
                }, failure -> error.set(UserErrors.describe(failure, messages)));
    }
}
