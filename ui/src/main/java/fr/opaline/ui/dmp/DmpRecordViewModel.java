package fr.opaline.ui.dmp;

import fr.opaline.api.DmpApi;
import fr.opaline.api.dmp.DmpIntegration;
import fr.opaline.api.dmp.DmpOpening;
import fr.opaline.dmp.consultation.DmpCounts;
import fr.opaline.dmp.consultation.NewerVersion;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The patient's DMP in the record (SC.DMP/UX.14, UX.27; RIS.DMP/UX.15/17): opened in the
 * background once the user's conditions are met, the counts shown without a click, the metadata
 * list with its filters (invisible documents flagged), integration of several documents at once
 * and "rendre visible", all through the practice server. Nothing is asked of the DMP without a
 * traced consent: the server refuses it, and this view-model only asks when the DICA says the
 * conditions are met.
 */
public final class DmpRecordViewModel {

    private final DmpApi consultation;
    private final Background background;
    private final Messages messages;
    private final ZoneId zone;
    private Runnable opened = () -> { };

    private final ObjectProperty<DmpCounts> counts = new SimpleObjectProperty<>();
    private final ObservableList<DmpOpening.Entry> all = FXCollections.observableArrayList();
    private final ObservableList<DmpOpening.Entry> shown = FXCollections.observableArrayList();
    private final ObservableList<NewerVersion> newer = FXCollections.observableArrayList();
    private final StringProperty typeFilter = new SimpleStringProperty("");
    private final StringProperty authorFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> fromFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toFilter = new SimpleObjectProperty<>();
    private final BooleanProperty invisibleOnly = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private UUID patientId;
    private long generation;

    /** @param consultation the server's DMP area; null: no DMP in the record */
    public DmpRecordViewModel(DmpApi consultation, Background background, Messages messages, ZoneId zone) {
        this.consultation = consultation;
        this.background = background;
        this.messages = messages;
        this.zone = zone;
        for (var p : List.of(typeFilter, authorFilter)) {
            p.addListener((o, was, now) -> applyFilter());
        }
        fromFilter.addListener((o, was, now) -> applyFilter());
        toFilter.addListener((o, was, now) -> applyFilter());
        invisibleOnly.addListener((o, was, now) -> applyFilter());
    }

    public boolean available() {
        return consultation != null;
    }

    /** What to do after each answer of the DMP (the DICA reads what it said). */
    public void onOpened(Runnable action) {
        opened = action;
    }

    /** Null until the DMP answered. */
    public ObjectProperty<DmpCounts> countsProperty() {
        return counts;
    }

    /** The documents the filters let through. */
    public ObservableList<DmpOpening.Entry> documents() {
        return shown;
    }

    public ObservableList<NewerVersion> newerVersions() {
        return newer;
    }

    public StringProperty typeFilterProperty() {
        return typeFilter;
    }

    public StringProperty authorFilterProperty() {
        return authorFilter;
    }

    public ObjectProperty<LocalDate> fromFilterProperty() {
        return fromFilter;
    }

    public ObjectProperty<LocalDate> toFilterProperty() {
        return toFilter;
    }

    public BooleanProperty invisibleOnlyProperty() {
        return invisibleOnly;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** What the DMP said about the record ("DMP ouvert", "pas de DMP"…), or why it was not asked. */
    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    /** The type codes present, for the type filter. */
    public List<String> typeLabels() {
        return all.stream().map(DmpOpening.Entry::typeLabel).filter(t -> t != null && !t.isBlank()).distinct().sorted()
                .toList();
    }

    /** Forgets the shown record. */
    public void clear(UUID patient) {
        generation++;
        patientId = patient;
        counts.set(null);
        all.clear();
        shown.clear();
        newer.clear();
        status.set(messages.get("dmp.notAsked"));
        error.set("");
        info.set("");
        busy.set(false);
    }

    /** Opening of the record in the DMP: existence, authorisation, then the list and its counts. */
    public void open() {
        UUID patient = patientId;
        if (patient == null || !available() || busy.get()) {
            return;
        }
        long mine = ++generation;
        busy.set(true);
        error.set("");
        background.runCancellable(messages.get("dmp.task"), progress -> consultation.open(patient),
                opening -> {
                    if (mine == generation) {
                        busy.set(false);
                        show(opening);
                    }
                    opened.run();
                }, failure -> {
                    failed(mine, failure);
                    opened.run();
                });
    }

    /** Retrieves the chosen documents and stores them in the record (DMP provenance). */
    public void integrate(List<DmpOpening.Entry> chosen, Runnable whenDone) {
        UUID patient = patientId;
        if (patient == null || chosen.isEmpty() || busy.get()) {
            return;
        }
        List<String> uids = chosen.stream().map(DmpOpening.Entry::uniqueId).toList();
        long mine = generation;
        busy.set(true);
        error.set("");
        background.runCancellable(messages.get("dmp.integrate.task"),
                progress -> consultation.integrate(patient, uids), results -> {
                    if (mine == generation) {
                        busy.set(false);
                        info.set(describe(results));
                        whenDone.run();
                        open();
                    }
                }, failure -> failed(mine, failure));
    }

    /** Makes a document invisible to the patient visible again (one click, ITI-57). */
    public void makeVisible(DmpOpening.Entry document) {
        UUID patient = patientId;
        if (patient == null || document == null || busy.get()) {
            return;
        }
        long mine = generation;
        busy.set(true);
        error.set("");
        background.run(messages.get("dmp.visible.task"), progress -> {
            consultation.makeVisible(patient, document.uniqueId());
            return document;
        }, done -> {
            if (mine == generation) {
                busy.set(false);
                info.set(messages.format("dmp.visible.done", done.title()));
                open();
            }
        }, failure -> failed(mine, failure));
    }

    private void show(DmpOpening opening) {
        status.set(messages.format("dmp.state." + opening.state(), opening.detail() == null ? "" : opening.detail()));
        DmpOpening.Counts c = opening.counts();
        counts.set(c == null ? null : new DmpCounts(c.newSinceLastVisit(), c.newInvisible(), c.total(),
                c.totalInvisible()));
        all.setAll(opening.documents());
        newer.setAll(opening.newerVersions().stream()
                .map(n -> new NewerVersion(n.localDocumentId(), n.uniqueId(), n.title())).toList());
        applyFilter();
    }

    private void applyFilter() {
        String type = typeFilter.get() == null ? "" : typeFilter.get();
        java.time.Instant from = fromFilter.get() == null ? null : fromFilter.get().atStartOfDay(zone).toInstant();
        java.time.Instant to = toFilter.get() == null ? null : toFilter.get().plusDays(1).atStartOfDay(zone).toInstant();
        String author = authorFilter.get() == null ? "" : authorFilter.get().strip().toLowerCase(java.util.Locale.ROOT);
        boolean invisible = invisibleOnly.get();
        shown.setAll(all.stream()
                .filter(d -> from == null || d.createdAt() != null && !d.createdAt().isBefore(from))
                .filter(d -> to == null || d.createdAt() != null && d.createdAt().isBefore(to))
                .filter(d -> author.isEmpty() || d.author() != null
                        && d.author().toLowerCase(java.util.Locale.ROOT).contains(author))
                .filter(d -> !invisible || d.invisibleToPatient())
                .filter(d -> type.isEmpty() || type.equals(d.typeLabel())).toList());
    }

    private String describe(List<DmpIntegration> results) {
        long integrated = results.stream().filter(r -> "INTEGRATED".equals(r.outcome())).count();
        long held = results.stream().filter(r -> "ALREADY_HELD".equals(r.outcome())).count();
        long rejected = results.stream().filter(r -> "REJECTED".equals(r.outcome())).count();
        return messages.format("dmp.integrate.done", integrated, held, rejected);
    }

    private void failed(long mine, Throwable failure) {
        if (mine == generation) {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
        }
    }
}
