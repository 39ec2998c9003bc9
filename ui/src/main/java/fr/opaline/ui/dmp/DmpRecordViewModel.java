package fr.opaline.ui.dmp;

import fr.opaline.core.common.Actor;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.consultation.DmpConsultationService;
import fr.opaline.dmp.consultation.DmpCounts;
import fr.opaline.dmp.consultation.DmpDocument;
import fr.opaline.dmp.consultation.DocumentFilter;
import fr.opaline.dmp.consultation.Integration;
import fr.opaline.dmp.consultation.NewerVersion;
import fr.opaline.dmp.consultation.RecordOpening;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
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

/**
 * The patient's DMP in the record (SC.DMP/UX.14, UX.27; RIS.DMP/UX.15/17): opened in the
 * background once the user's conditions are met, the counts shown without a click, the metadata
 * list with its filters (invisible documents flagged), integration of several documents at once
 * and "rendre visible". Nothing is asked of the DMP without a traced consent: the dmp module
 * refuses it, and this view-model only asks when the DICA says the conditions are met.
 */
public final class DmpRecordViewModel {

    private final DmpConsultationService consultation;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final Supplier<DmpUser> user;
    private final ZoneId zone;

    private final ObjectProperty<DmpCounts> counts = new SimpleObjectProperty<>();
    private final ObservableList<DmpDocument> all = FXCollections.observableArrayList();
    private final ObservableList<DmpDocument> shown = FXCollections.observableArrayList();
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

    public DmpRecordViewModel(DmpConsultationService consultation, Background background, Messages messages,
                              Supplier<Actor> actor, Supplier<DmpUser> user, ZoneId zone) {
        this.consultation = consultation;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.user = user;
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

    /** Null until the DMP answered. */
    public ObjectProperty<DmpCounts> countsProperty() {
        return counts;
    }

    /** The documents the filters let through. */
    public ObservableList<DmpDocument> documents() {
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
        return all.stream().map(DmpDocument::typeLabel).filter(t -> t != null && !t.isBlank()).distinct().sorted()
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
        DmpUser current = user.get();
        background.runCancellable(messages.get("dmp.task"), progress -> consultation.open(patient, current, actor.get()),
                opening -> {
                    if (mine == generation) {
                        busy.set(false);
                        show(opening);
                    }
                }, failure -> failed(mine, failure));
    }

    /** Retrieves the chosen documents and stores them in the record (DMP provenance). */
    public void integrate(List<DmpDocument> chosen, Runnable whenDone) {
        UUID patient = patientId;
        if (patient == null || chosen.isEmpty() || busy.get()) {
            return;
        }
        List<String> uids = chosen.stream().map(DmpDocument::uniqueId).toList();
        long mine = generation;
        busy.set(true);
        error.set("");
        DmpUser current = user.get();
        background.runCancellable(messages.get("dmp.integrate.task"),
                progress -> consultation.integrate(patient, current, uids, actor.get()), results -> {
                    if (mine == generation) {
                        busy.set(false);
                        info.set(describe(results));
                        whenDone.run();
                        open();
                    }
                }, failure -> failed(mine, failure));
    }

    /** Makes a document invisible to the patient visible again (one click, ITI-57). */
    public void makeVisible(DmpDocument document) {
        UUID patient = patientId;
        if (patient == null || document == null || busy.get()) {
            return;
        }
        long mine = generation;
        busy.set(true);
        error.set("");
        DmpUser current = user.get();
        background.run(messages.get("dmp.visible.task"), progress -> {
            consultation.makeVisible(patient, current, document.uniqueId(), actor.get());
            return document;
        }, done -> {
            if (mine == generation) {
                busy.set(false);
                info.set(messages.format("dmp.visible.done", done.title()));
                open();
            }
        }, failure -> failed(mine, failure));
    }

    private void show(RecordOpening opening) {
        status.set(messages.format("dmp.state." + opening.status().state().name(),
                opening.status().detail() == null ? "" : opening.status().detail()));
        counts.set(opening.open() ? opening.counts() : null);
        all.setAll(opening.documents());
        newer.setAll(opening.newerVersions());
        applyFilter();
    }

    private void applyFilter() {
        String type = typeFilter.get() == null ? "" : typeFilter.get();
        DocumentFilter filter = new DocumentFilter(Set.of(),
                fromFilter.get() == null ? null : fromFilter.get().atStartOfDay(zone).toInstant(),
                toFilter.get() == null ? null : toFilter.get().plusDays(1).atStartOfDay(zone).toInstant(),
                authorFilter.get(), invisibleOnly.get());
        shown.setAll(all.stream().filter(filter).filter(d -> type.isEmpty() || type.equals(d.typeLabel())).toList());
    }

    private String describe(List<Integration> results) {
        long integrated = results.stream().filter(r -> r.outcome() == Integration.Outcome.INTEGRATED).count();
        long held = results.stream().filter(r -> r.outcome() == Integration.Outcome.ALREADY_HELD).count();
        long rejected = results.stream().filter(r -> r.outcome() == Integration.Outcome.REJECTED).count();
        return messages.format("dmp.integrate.done", integrated, held, rejected);
    }

    private void failed(long mine, Throwable failure) {
        if (mine == generation) {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
        }
    }
}
