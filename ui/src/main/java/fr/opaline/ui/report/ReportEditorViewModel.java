package fr.opaline.ui.report;

import fr.opaline.core.common.Actor;
import fr.opaline.core.order.StepEntry;
import fr.opaline.core.report.ReportContent;
import fr.opaline.core.report.ReportStatus;
import fr.opaline.core.report.ReportVersion;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.BackgroundTask;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.concurrent.Work;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.document.PdfPageImages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
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
import javafx.scene.image.Image;

/**
 * The radiologist's report editor: the day's exams, the report of the one chosen (pre-filled by
 * core from the order, completed from the exam type's template), saving, validation with legal
 * authentication by the signed-in radiologist, amendment and retraction with a reason, "invisible
 * au patient", the PDF preview rendered off the FX thread and the send status per channel.
 */
public final class ReportEditorViewModel {

    private static final float PREVIEW_DPI = 96f;

    private final ReportGateway gateway;
    private final ReportTemplates templates;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;

    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ObservableList<StepEntry> exams = FXCollections.observableArrayList();
    private final ObjectProperty<ReportGateway.Opened> opened = new SimpleObjectProperty<>();
    private final StringProperty indication = new SimpleStringProperty("");
    private final StringProperty technique = new SimpleStringProperty("");
    private final StringProperty results = new SimpleStringProperty("");
    private final StringProperty conclusion = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty previewing = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final ObservableList<Image> preview = FXCollections.observableArrayList();
    private final ObservableList<SendStatus> sends = FXCollections.observableArrayList();
    private final BooleanBinding editable;
    private final BooleanBinding inForce;
    private BackgroundTask<?> previewTask;
    private ScheduledFuture<?> periodic;

    public ReportEditorViewModel(ReportGateway gateway, ReportTemplates templates, Background background,
                                 Messages messages, Supplier<Actor> actor, Clock clock) {
        this.gateway = gateway;
        this.templates = templates;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        day.set(LocalDate.now(clock));
        editable = Bindings.createBooleanBinding(() -> opened.get() != null
                && opened.get().current().status() == ReportStatus.DRAFT, opened);
        inForce = Bindings.createBooleanBinding(() -> opened.get() != null
                && opened.get().current().status() == ReportStatus.VALIDATED, opened);
        day.addListener((o, was, now) -> refreshExams());
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ObservableList<StepEntry> exams() {
        return exams;
    }

    public ObjectProperty<ReportGateway.Opened> openedProperty() {
        return opened;
    }

    public StringProperty indicationProperty() {
        return indication;
    }

    public StringProperty techniqueProperty() {
        return technique;
    }

    public StringProperty resultsProperty() {
        return results;
    }

    public StringProperty conclusionProperty() {
        return conclusion;
    }

    /** The reason of an amendment or a retraction. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty previewingProperty() {
        return previewing;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    public ObservableList<Image> previewPages() {
        return preview;
    }

    public ObservableList<SendStatus> sends() {
        return sends;
    }

    /** The current version is a draft: its text can change, it can be validated. */
    public BooleanBinding editableBinding() {
        return editable;
    }

    /** A validated version is in force: it can be amended or retracted. */
    public BooleanBinding inForceBinding() {
        return inForce;
    }

    public void refreshExams() {
        LocalDate shown = day.get();
        background.run(messages.get("report.task.exams"), p -> gateway.examsOf(shown), read -> {
            if (shown.equals(day.get())) {
                exams.setAll(read);
            }
        }, this::failed);
    }

    /** Opens (creating its draft if needed) the report of an exam. */
    public void open(StepEntry exam) {
        if (exam == null) {
            return;
        }
        Actor who = actor.get();
        act(messages.get("report.task.open"), p -> gateway.open(exam, who), null);
    }

    /** Replaces empty results and conclusion by the exam type's template; says when there is none. */
    public void applyTemplate() {
        ReportGateway.Opened current = opened.get();
        if (current == null) {
            return;
        }
        var template = gateway.templateOf(current, templates);
        if (template.isEmpty()) {
            info.set(messages.get("report.template.none"));
            return;
        }
        if (results.get().isBlank()) {
            results.set(template.get().results());
        }
        if (conclusion.get().isBlank()) {
            conclusion.set(template.get().conclusion());
        }
        info.set(messages.format("report.template.applied", template.get().name()));
    }

    public void save() {
        ReportGateway.Opened current = opened.get();
        ReportContent content = content();
        Actor who = actor.get();
        act(messages.get("report.task.save"), p -> gateway.save(current, content, who), messages.get("report.saved"));
    }

    public void validate() {
        ReportGateway.Opened current = opened.get();
        ReportContent content = content();
        Actor who = actor.get();
        act(messages.get("report.task.validate"), p -> gateway.validate(current, content, who),
                messages.get("report.validated"));
    }

    public void amend() {
        ReportGateway.Opened current = opened.get();
        String why = reason.get();
        Actor who = actor.get();
        act(messages.get("report.task.amend"), p -> gateway.amend(current, why, who), messages.get("report.amending"));
    }

    public void retract() {
        ReportGateway.Opened current = opened.get();
        String why = reason.get();
        Actor who = actor.get();
        act(messages.get("report.task.retract"), p -> gateway.retract(current, why, who), messages.get("report.retracted"));
    }

    public void setInvisibleToPatient(boolean invisible) {
        ReportGateway.Opened current = opened.get();
        if (current == null || current.current().invisibleToPatient() == invisible) {
            return;
        }
        Actor who = actor.get();
        ReportContent draftText = editable.get() ? content() : null;
        act(messages.get("report.task.visibility"), p -> gateway.setInvisibleToPatient(current, draftText, invisible, who),
                messages.get(invisible ? "report.invisible.on" : "report.invisible.off"));
    }

    /** Reads the send status again (the outbox works in the background). */
    public void refreshSends() {
        ReportGateway.Opened current = opened.get();
        if (current == null) {
            return;
        }
        background.run(messages.get("report.task.sends"), p -> gateway.reload(current.exam(), current.report().id()),
                read -> {
                    if (opened.get() != null && opened.get().report().id().equals(read.report().id())) {
                        sends.setAll(read.sends().values());
                    }
                }, this::failed);
    }

    /** Reads the exams now, then the send status of the open report every period, until {@link #stop()}. */
    public void start(Duration period) {
        stop();
        refreshExams();
        periodic = background.every(period, () -> background.onUi(this::refreshSends));
    }

    public void stop() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }

    /** Renders the current version's PDF (with its QR code and INS Datamatrix) to images. */
    public void preview() {
        ReportGateway.Opened current = opened.get();
        if (current == null) {
            return;
        }
        if (previewTask != null) {
            previewTask.cancel();
        }
        ReportVersion version = current.current();
        previewing.set(true);
        previewTask = background.runCancellable(messages.get("report.task.preview"), p -> {
            byte[] pdf = gateway.pdfOf(version);
            return PdfPageImages.render(pdf, PREVIEW_DPI, () -> Thread.currentThread().isInterrupted());
        }, (PdfPageImages.Pages pages) -> {
            previewing.set(false);
            preview.setAll(pages.images());
        }, failure -> {
            previewing.set(false);
            failed(failure);
        });
    }

    private ReportContent content() {
        return new ReportContent(indication.get(), technique.get(), results.get(), conclusion.get());
    }

    private void act(String description, Work<ReportGateway.Opened> work, String done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        info.set("");
        background.run(description, work, (Consumer<ReportGateway.Opened>) result -> {
            busy.set(false);
            show(result);
            if (done != null) {
                info.set(done);
            }
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private void show(ReportGateway.Opened result) {
        boolean otherReport = opened.get() == null || !opened.get().report().id().equals(result.report().id());
        opened.set(result);
        ReportVersion version = result.current();
        indication.set(version.indication());
        technique.set(version.technique());
        results.set(version.results());
        conclusion.set(version.conclusion());
        if (otherReport || version.status() != ReportStatus.DRAFT) {
            reason.set("");
        }
        sends.setAll(result.sends().values());
        if (version.status() == ReportStatus.DRAFT && version.results().isBlank() && version.conclusion().isBlank()) {
            applyTemplate();
        }
        preview();
    }

    private void failed(Throwable failure) {
        error.set(UserErrors.describe(failure, messages));
    }
}
