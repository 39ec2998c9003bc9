package fr.opaline.ui.patient;

import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientQuery;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.DateInput;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insscan.InsScanReader;
import fr.opaline.ins.datamatrix.ScannedIns;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Front-desk patient search: name prefix, first name, birth date, IPP, INS matricule, or the text
 * of a scanned Datamatrix INS which fills the criteria. Only the latest search's answer is shown.
 */
public final class PatientSearchViewModel {

    private static final int LIMIT = 100;

    private final PatientDirectory directory;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final InsScanReader scanReader;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty firstName = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final StringProperty ipp = new SimpleStringProperty("");
    private final StringProperty ins = new SimpleStringProperty("");
    private final ObservableList<Patient> results = FXCollections.observableArrayList();
    private final ObjectProperty<Patient> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ScannedIns> scanned = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private long generation;

    public PatientSearchViewModel(PatientDirectory directory, Background background, Messages messages,
                                  Supplier<Actor> actor, InsScanReader scanReader) {
        this.directory = directory;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.scanReader = scanReader;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty birthDateProperty() {
        return birthDate;
    }

    public StringProperty ippProperty() {
        return ipp;
    }

    public StringProperty insProperty() {
        return ins;
    }

    public ObservableList<Patient> results() {
        return results;
    }

    public ObjectProperty<Patient> selectedProperty() {
        return selected;
    }

    /** The identity of the last Datamatrix INS scanned, to prefill a new patient. */
    public ObjectProperty<ScannedIns> scannedProperty() {
        return scanned;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }

    /** The criteria as a query, or empty (with the reason in {@link #errorProperty()}) when unusable. */
    Optional<PatientQuery> query() {
        LocalDate date;
        try {
            date = DateInput.parse(birthDate.get()).orElse(null);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
        PatientQuery query = new PatientQuery(name.get(), firstName.get(), date, ipp.get(),
                ins.get() == null ? null : ins.get().replace(" ", ""), LIMIT);
        return Optional.of(query);
    }

    public void search() {
        error.set("");
        long mine = ++generation;
        Optional<PatientQuery> query = query();
        if (query.isEmpty()) {
            return;
        }
        if (query.get().isEmpty()) {
            results.clear();
            status.set(messages.get("search.hint"));
            return;
        }
        run(mine, query.get(), null);
    }

    private void run(long mine, PatientQuery query, PatientQuery fallback) {
        searching.set(true);
        background.run(messages.get("search.task"), progress -> {
            List<Patient> found = directory.search(query, actor.get());
            if (found.isEmpty() && fallback != null) {
                found = directory.search(fallback, actor.get());
            }
            return found;
        }, found -> {
            if (mine != generation) {
                return;
            }
            searching.set(false);
            results.setAll(found);
            status.set(found.isEmpty() ? messages.get("search.none")
                    : found.size() >= LIMIT ? messages.format("search.many", LIMIT)
                    : messages.format("search.count", found.size()));
            if (found.size() == 1) {
                selected.set(found.get(0));
            }
        }, failure -> {
            if (mine != generation) {
                return;
            }
            searching.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }

    /** Whether typed text is a Datamatrix INS rather than a criterion. */
    public boolean isScan(String text) {
        return scanReader.recognises(text);
    }

    /**
     * Applies a scanned Datamatrix INS: fills the criteria and looks the patient up by INS,
     * then by birth name and date when the INS is not known here yet.
     */
    public void scan(String text) {
        error.set("");
        ScannedIns identity;
        try {
            identity = scanReader.read(text);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        scanned.set(identity);
        name.set(identity.traits().birthName());
        firstName.set(identity.traits().firstBirthFirstName());
        birthDate.set(messages.date(identity.traits().birthDate()));
        ipp.set("");
        ins.set(identity.ins().matricule());
        long mine = ++generation;
        run(mine, identity.searchByIns(), identity.searchByTraits());
    }

    /** One line about the last scan, for the view. */
    public String scannedSummary() {
        ScannedIns identity = scanned.get();
        return identity == null ? "" : messages.format("search.scanned", identity.traits().birthName(),
                identity.traits().birthFirstNames(), messages.date(identity.traits().birthDate()),
                identity.ins().matricule());
    }

    public void clear() {
        generation++;
        name.set("");
        firstName.set("");
        birthDate.set("");
        ipp.set("");
        ins.set("");
        scanned.set(null);
        results.clear();
        selected.set(null);
        status.set("");
        error.set("");
        searching.set(false);
    }

    /** Puts a patient just created at the top of the results and selects it. */
    public void showCreated(Patient patient) {
        generation++;
        searching.set(false);
        results.setAll(patient);
        selected.set(patient);
        status.set(messages.format("search.created",
                messages.label(patient.status()).toLowerCase(messages.locale())));
    }
}
