package fr.opaline.ui.report;

import fr.opaline.api.SendStatus;
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
 * The radiologist's report editor: the day's exams, the report of the one chosen (opening reads
 * only: the draft exists once the radiologist types or applies the exam type's template, a
 * structure with blanks), saving, validation after a confirmation that repeats patient, exam,
 * exam date and conclusion (with an override reason when the exam is not réalisé) and legal
 * authentication by the signed-in radiologist, amendment and retraction with a reason,
 * "invisible au patient", the PDF preview following the text typed (debounced, rendered off the
 * FX thread) and the send status per channel.
 */
public final class ReportEditorViewModel {

    private static final float PREVIEW_DPI = 96f;
    /** How long typing must pause before the preview is rendered again. */
    static final Duration PREVIEW_DEBOUNCE = Duration.ofMillis(400);

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
    private final ObjectProperty<ReportGateway.Confirmation> confirmation = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportContent> previewed = new SimpleObjectProperty<>();
    private BackgroundTask<?> previewTask;
    /** The CR's DMP send options as the server last said; null when none (no report, no DMP feeding). */
    private final ObjectProperty<fr.opaline.api.dmp.FeedOptions> feedOptions = new SimpleObjectProperty<>();
    private ScheduledFuture<?> periodic;
    private ScheduledFuture<?> pendingPreview;
    /** The fields are being filled from a loaded report: not the radiologist typing. */
    private boolean filling;
    private boolean starting;

    public ReportEditorViewModel(ReportGateway gateway, ReportTemplates templates, Background background,
                                 Messages messages, Supplier<Actor> actor, Clock clock) {
        this.gateway = gateway;
        this.templates = templates;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        day.set(LocalDate.now(clock));
        editable = Bindings.createBooleanBinding(() -> opened.get() != null
                && (!opened.get().started() || opened.get().current().status() == ReportStatus.DRAFT), opened);
        inForce = Bindings.createBooleanBinding(() -> opened.get() != null && opened.get().started()
                && opened.get().current().status() == ReportStatus.VALIDATED, opened);
        day.addListener((o, was, now) -> refreshExams());
        // The CR's DMP send options, read when a report is shown (opened, or started by typing).
        opened.addListener((o, was, now) -> {
            if (now == null || !now.started()) {
                feedOptions.set(null);
            } else if (feedOptions.get() == null || !feedOptions.get().reportId().equals(now.report().id())) {
                readFeedOptions(now);
            }
        });
        for (StringProperty part : List.of(indication, technique, results, conclusion)) {
            part.addListener((o, was, now) -> typed());
        }
    }

    /**
     * The confirmation to show before validating (patient, exam, exam date, conclusion, whether
     * the exam is réalisé); null when none is asked for.
     */
    public ObjectProperty<ReportGateway.Confirmation> confirmationProperty() {
        return confirmation;
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

    /** The text the preview shows (or is being rendered with): a draft's as typed, saved or not. */
    public ObjectProperty<ReportContent> previewedProperty() {
        return previewed;
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
            if (shown.equals(day.get()) && !exams.equals(read)) {
                exams.setAll(read);
                ReportGateway.Opened current = opened.get();
                if (current != null) {
                    read.stream().filter(e -> e.step().id().equals(current.exam().step().id())).findFirst()
                            .filter(e -> !e.equals(current.exam())).ifPresent(e -> opened.set(current.withExam(e)));
                }
            }
        }, this::failed);
    }

    /** Opens the report of an exam, reading only: nothing is created, no status changes. */
    public void open(StepEntry exam) {
        if (exam == null) {
            return;
        }
        ReportGateway.Opened current = opened.get();
        if (current != null && current.exam().step().id().equals(exam.step().id())) {
            opened.set(current.withExam(exam)); // the same exam read again: keep what is being typed
            return;
        }
        act(messages.get("report.task.open"), p -> gateway.open(exam), null);
    }

    /**
     * Puts the exam type's template (a structure with blanks to fill) into empty results and
     * conclusion: a deliberate act, which starts the report. Says when there is none.
     */
    public void applyTemplate() {
        ReportGateway.Opened current = opened.get();
        if (current == null || !editable.get()) {
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

    /**
     * Asks to validate: reads the exam again and puts the confirmation up (see
     * {@link #confirmationProperty()}); nothing is signed before {@link #validate(String)}.
     */
    public void requestValidation() {
        ReportGateway.Opened current = opened.get();
        if (current == null || !editable.get() || busy.get()) {
            return;
        }
        String shownConclusion = conclusion.get();
        error.set("");
        background.run(messages.get("report.task.confirm"), p -> gateway.confirmation(current, shownConclusion),
                confirmation::set, this::failed);
    }

    /** The confirmation was closed without validating. */
    public void cancelValidation() {
        confirmation.set(null);
    }

    /**
     * Validates after the confirmation: the signed-in radiologist signs. {@code overrideReason}
     * is required by the report service when the exam is not réalisé (audited), null otherwise.
     */
    public void validate(String overrideReason) {
        ReportGateway.Opened current = opened.get();
        confirmation.set(null);
        if (current == null) {
            return;
        }
        ReportContent content = content();
        Actor who = actor.get();
        String reasonGiven = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        act(messages.get("report.task.validate"), p -> gateway.validate(current, content, who, reasonGiven),
                messages.get(reasonGiven == null ? "report.validated" : "report.validated.override"));
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
        if (current == null || (current.started() && current.current().invisibleToPatient() == invisible)
                || (!current.started() && !invisible)) {
            return;
        }
        Actor who = actor.get();
        ReportContent draftText = editable.get() ? content() : null;
        act(messages.get("report.task.visibility"), p -> gateway.setInvisibleToPatient(current, draftText, invisible, who),
                messages.get(invisible ? "report.invisible.on" : "report.invisible.off"));
    }

    /** Searches the annuaire santé off the FX thread (the recipients of "Envoyer par MSSanté"). */
    public void searchDirectory(String name, String rpps, Consumer<List<fr.opaline.api.DirectoryContact>> found,
                                Consumer<String> failed) {
        background.run(messages.get("directory.task"), p -> gateway.searchDirectory(name, rpps), found::accept,
                failure -> failed.accept(UserErrors.describe(failure, messages)));
    }

    /**
     * "Envoyer par MSSanté": the validated CR in force to {@code recipient}; the send status then
     * shows the queued send (the same outbox job the queue lists).
     */
    public void sendByMss(fr.opaline.api.DirectoryContact recipient) {
        ReportGateway.Opened current = opened.get();
        if (current == null || recipient == null || !inForce.get() || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        info.set("");
        background.run(messages.get("report.mss.task"), p -> gateway.sendByMss(current, recipient), queued -> {
            busy.set(false);
            info.set(messages.format("report.mss.queued", recipient.displayName(), recipient.mssAddress()));
            refreshSends();
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    /** Reads the send status again (the outbox works in the background). */
    public void refreshSends() {
        ReportGateway.Opened current = opened.get();
        if (current == null || !current.started()) {
            return;
        }
        background.run(messages.get("report.task.sends"), p -> gateway.sends(current),
                read -> {
                    if (opened.get() != null && opened.get().started()
                            && opened.get().report().id().equals(current.report().id())) {
                        sends.setAll(read.values());
                    }
                }, this::failed);
    }

    /**
     * Reads the exams now, then every period the exams (the technologist's en cours / réalisé
     * reach this screen) and the send status of the open report, until {@link #stop()}.
     */
    public void start(Duration period) {
        stop();
        refreshExams();
        periodic = background.every(period, () -> background.onUi(() -> {
            refreshExams();
            refreshSends();
        }));
    }

    public void stop() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
        if (pendingPreview != null) {
            pendingPreview.cancel(false);
        }
    }

    /** The radiologist changed the text: the report starts if it had not, the preview follows. */
    private void typed() {
        ReportGateway.Opened current = opened.get();
        if (filling || current == null || !editable.get()) {
            return;
        }
        if (!current.started()) {
            if (!starting && !content().equals(current.prefill())) {
                startReport(current);
            }
            return;
        }
        if (pendingPreview != null) {
            pendingPreview.cancel(false);
        }
        pendingPreview = background.later(PREVIEW_DEBOUNCE, () -> background.onUi(this::preview));
    }

    /** Creates the draft with the text typed so far; the fields keep what is typed meanwhile. */
    private void startReport(ReportGateway.Opened current) {
        starting = true;
        ReportContent content = content();
        Actor who = actor.get();
        background.run(messages.get("report.task.start"), p -> gateway.start(current, content, who), started -> {
            starting = false;
            if (opened.get() != null && opened.get().exam().step().id().equals(started.exam().step().id())) {
                opened.set(started);
                sends.setAll(started.sends().values());
                info.set(messages.get("report.started"));
                typed(); // the preview of the text as it is now
            }
        }, failure -> {
            starting = false;
            failed(failure);
        });
    }

    /**
     * Renders the current version's PDF (with its QR code and INS Datamatrix) to images; a draft
     * shows the text as typed, saved or not.
     */
    public void preview() {
        ReportGateway.Opened current = opened.get();
        if (current == null) {
            return;
        }
        if (previewTask != null) {
            previewTask.cancel();
        }
        if (!current.started()) {
            previewing.set(false);
            preview.clear();
            return;
        }
        ReportVersion version = current.current();
        ReportContent typedText = version.status() == ReportStatus.DRAFT ? content() : null;
        previewing.set(true);
        previewed.set(typedText != null ? typedText : contentOf(version));
        previewTask = background.runCancellable(messages.get("report.task.preview"), p -> {
            byte[] pdf = gateway.pdfOf(version, typedText);
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
        boolean otherExam = opened.get() == null
                || !opened.get().exam().step().id().equals(result.exam().step().id());
        ReportContent text = result.started() ? contentOf(result.current()) : result.prefill();
        filling = true;
        try {
            opened.set(result);
            indication.set(text.indication());
            technique.set(text.technique());
            results.set(text.results());
            conclusion.set(text.conclusion());
        } finally {
            filling = false;
        }
        if (otherExam || !result.started() || result.current().status() != ReportStatus.DRAFT) {
            reason.set("");
        }
        sends.setAll(result.sends().values());
        preview();
    }

    // --- the CR's DMP send --------------------------------------------------------------------

    /** The CR's DMP send options (held, hidden from the legal representatives); null to hide the controls. */
    public ObjectProperty<fr.opaline.api.dmp.FeedOptions> feedOptionsProperty() {
        return feedOptions;
    }

    private void readFeedOptions(ReportGateway.Opened result) {
        if (!result.started()) {
            feedOptions.set(null);
            return;
        }
        feedOptions.set(null);
        background.run(messages.get("report.task.dmpOptions"), p -> gateway.feedOptions(result),
                read -> {
                    if (opened.get() != null && opened.get().started()
                            && opened.get().report().id().equals(read.reportId())) {
                        feedOptions.set(read);
                    }
                }, failure -> feedOptions.set(null)); // a server without DMP feeding: no controls
    }

    /** Holds the CR's DMP send (not sent at validation) or releases it (queued again). */
    public void holdFeed(boolean held) {
        ReportGateway.Opened current = opened.get();
        if (current == null || !current.started() || feedOptions.get() == null || feedOptions.get().held() == held) {
            return;
        }
        changeFeed(messages.get("report.task.dmpHold"), p -> gateway.holdFeed(current, held),
                messages.get(held ? "report.dmp.held.on" : "report.dmp.held.off"));
    }

    /** Marks the CR non visible (or visible again) of the patient's legal representatives. */
    public void hideFromLegalRepresentatives(boolean hidden) {
        ReportGateway.Opened current = opened.get();
        if (current == null || !current.started() || feedOptions.get() == null
                || feedOptions.get().hiddenFromLegalRepresentatives() == hidden) {
            return;
        }
        changeFeed(messages.get("report.task.dmpLegal"), p -> gateway.hideFromLegalRepresentatives(current, hidden),
                messages.get(hidden ? "report.dmp.legal.on" : "report.dmp.legal.off"));
    }

    private void changeFeed(String description, Work<fr.opaline.api.dmp.FeedOptions> work, String done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        info.set("");
        fr.opaline.api.dmp.FeedOptions before = feedOptions.get();
        background.run(description, work, (Consumer<fr.opaline.api.dmp.FeedOptions>) result -> {
            busy.set(false);
            feedOptions.set(result);
            info.set(done);
            refreshSends();
        }, failure -> {
            busy.set(false);
            feedOptions.set(null);
            feedOptions.set(before); // the controls show what the server holds
            failed(failure);
        });
    }

    private static ReportContent contentOf(ReportVersion version) {
        return new ReportContent(version.indication(), version.technique(), version.results(), version.conclusion());
    }

    private void failed(Throwable failure) {
        error.set(UserErrors.describe(failure, messages));
    }
}
