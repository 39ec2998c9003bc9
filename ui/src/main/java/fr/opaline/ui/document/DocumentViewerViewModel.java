package fr.opaline.ui.document;

import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.DocumentStatus;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.BackgroundTask;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
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
 * The document viewer (SC.CDA/VISU.01/03): the PDF first, rendered with PDFBox in the
 * background; the CDA's own view only when asked. Choosing another document cancels the
 * rendering of the previous one.
 */
public final class DocumentViewerViewModel {

    /** What the viewer shows. */
    public enum Mode { NONE, PDF, CDA }

    private static final float DPI = 110f;

    private final DocumentLibrary library;
    private final Background background;
    private final Messages messages;

    private final ObjectProperty<ClinicalDocument> document = new SimpleObjectProperty<>();
    private final ObservableList<Image> pages = FXCollections.observableArrayList();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NONE);
    private final StringProperty cdaText = new SimpleStringProperty("");
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty patientLine = new SimpleStringProperty("");
    private final StringProperty versionNotice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty cdaAvailable = new SimpleBooleanProperty();
    private BackgroundTask<?> current;
    /** The PDF shown (a CR's PDF/A), for printing; null while none. */
    private byte[] shownPdf;
    private final BooleanProperty printable = new javafx.beans.property.SimpleBooleanProperty(false);
    private final StringProperty info = new javafx.beans.property.SimpleStringProperty("");
    private ClinicalDocument loaded;

    public DocumentViewerViewModel(DocumentLibrary library, Background background, Messages messages) {
        this.library = library;
        this.background = background;
        this.messages = messages;
    }

    public ObjectProperty<ClinicalDocument> documentProperty() {
        return document;
    }

    public ObservableList<Image> pages() {
        return pages;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty cdaTextProperty() {
        return cdaText;
    }

    /** "Page 1 to 30 of 42", "No PDF in this document"… */
    public StringProperty noteProperty() {
        return note;
    }

    /** "Patient : name, born on…, INS …" as the CDA's header says; empty for a plain PDF. */
    public StringProperty patientLineProperty() {
        return patientLine;
    }

    /** Said wherever a document is opened: a newer version exists, or it was deleted; else empty. */
    public StringProperty versionNoticeProperty() {
        return versionNotice;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty cdaAvailableProperty() {
        return cdaAvailable;
    }

    /** Whether the shown document has a PDF to print or save. */
    public BooleanProperty printableProperty() {
        return printable;
    }

    /** "PDF saved…", "Document sent to the printer." */
    public StringProperty infoProperty() {
        return info;
    }

    /** The shown PDF as it will be printed or saved (the stored bytes, unchanged); empty while none. */
    public java.util.Optional<fr.opaline.api.PrintedDocument> printableDocument() {
        ClinicalDocument shown = document.get();
        byte[] pdf = shownPdf;
        if (shown == null || pdf == null) {
            return java.util.Optional.empty();
        }
        String title = shown.title() == null || shown.title().isBlank() ? messages.get("print.report") : shown.title();
        String fileName = title.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip() + ".pdf";
        return java.util.Optional.of(new fr.opaline.api.PrintedDocument(fileName, pdf));
    }

    /** Prints the shown PDF through the system's printers, or saves it (FX thread). */
    public void print(javafx.stage.Window owner) {
        printableDocument().ifPresent(printed -> new fr.opaline.ui.print.Printouts(background, messages, info::set,
                error::set).offer(owner, document.get().title() == null ? messages.get("print.report")
                : document.get().title(), progress -> printed));
    }

    /** Shows a document of the list: its PDF, rendered in the background. */
    public void show(ClinicalDocument listed) {
        cancelCurrent();
        shownPdf = null;
        printable.set(false);
        document.set(listed);
        loaded = null;
        pages.clear();
        cdaText.set("");
        note.set("");
        error.set("");
        patientLine.set("");
        versionNotice.set(listed == null ? "" : notice(listed));
        cdaAvailable.set(listed != null && DocumentLibrary.isCda(listed));
        if (listed == null) {
            mode.set(Mode.NONE);
            return;
        }
        mode.set(Mode.PDF);
        loading.set(true);
        current = background.runCancellable(messages.get("viewer.task"), progress -> {
            ClinicalDocument full = library.load(listed.id());
            var pdf = library.pdfOf(full);
            var rendered = pdf.isEmpty() ? null : PdfPageImages.render(pdf.get(), DPI, progress::isCancelled);
            return new Rendered(full, rendered, library.patientLine(full).map(this::describe).orElse(""),
                    pdf.orElse(null));
        }, rendered -> {
            if (rendered.document().id().equals(listed.id())) {
                shownPdf = rendered.pdf();
                printable.set(rendered.pdf() != null);
                loading.set(false);
                loaded = rendered.document();
                patientLine.set(rendered.patient());
                versionNotice.set(notice(rendered.document()));
                if (rendered.pages() == null) {
                    note.set(messages.get("viewer.noPdf"));
                    if (cdaAvailable.get()) {
                        showCda();
                    }
                } else {
                    pages.setAll(rendered.pages().images());
                    note.set(rendered.pages().truncated()
                            ? messages.format("viewer.truncated", rendered.pages().images().size(),
                            rendered.pages().pageCount())
                            : messages.format("viewer.pages", rendered.pages().pageCount()));
                }
            }
        }, failure -> {
            loading.set(false);
            error.set(describe(failure));
        });
    }

    /** Unreadable content is the document's fault, said plainly; anything else is unexpected. */
    private String describe(Throwable failure) {
        if (failure instanceof fr.opaline.documents.cda.CdaReadException) {
            return failure.getMessage();
        }
        if (failure instanceof java.io.IOException) {
            return messages.format("viewer.unreadablePdf", String.valueOf(failure.getMessage()));
        }
        return UserErrors.describe(failure, messages);
    }

    /** Back to the PDF. */
    public void showPdf() {
        if (document.get() != null) {
            mode.set(Mode.PDF);
        }
    }

    /** The CDA view, made the first time it is asked for. */
    public void showCda() {
        ClinicalDocument shown = document.get();
        if (shown == null || !cdaAvailable.get()) {
            return;
        }
        mode.set(Mode.CDA);
        if (!cdaText.get().isEmpty()) {
            return;
        }
        ClinicalDocument known = loaded;
        loading.set(true);
        background.run(messages.get("viewer.cda.task"), progress -> {
            ClinicalDocument full = known != null ? known : library.load(shown.id());
            return library.cdaText(full).orElse("");
        }, text -> {
            if (shown.equals(document.get())) {
                loading.set(false);
                cdaText.set(text);
            }
        }, failure -> {
            loading.set(false);
            error.set(describe(failure));
        });
    }

    private void cancelCurrent() {
        if (current != null) {
            current.cancel();
            current = null;
        }
        loading.set(false);
    }

    private String describe(DocumentLibrary.PatientLine p) {
        StringBuilder b = new StringBuilder();
        b.append(p.name() == null ? "?" : p.name());
        if (p.givenName() != null) {
            b.append(' ').append(p.givenName());
        }
        if (p.birthName() != null) {
            b.append(' ').append(messages.format("viewer.patient.birthName", p.birthName()));
        }
        if (p.birthDate() != null) {
            b.append(", ").append(messages.format("viewer.patient.born", messages.date(p.birthDate())));
        }
        if (p.ins() != null) {
            b.append(", INS ").append(p.ins());
        }
        return messages.format("viewer.patient", b.toString());
    }

    /** A superseded or deleted version is said so above the document (CDA/DD.05, VISU.02). */
    private String notice(ClinicalDocument d) {
        if (d.status() == DocumentStatus.SUPERSEDED) {
            return messages.get("viewer.superseded");
        }
        if (d.status() == DocumentStatus.DELETED) {
            return messages.get("viewer.deleted");
        }
        return newerElsewhere.apply(d.id()).map(title -> messages.format("viewer.newerInDmp", title)).orElse("");
    }

    private java.util.function.Function<java.util.UUID, java.util.Optional<String>> newerElsewhere =
            id -> java.util.Optional.empty();

    /** Where a newer version of a held document is known (the DMP's list): its title, if any. */
    public void newerElsewhere(java.util.function.Function<java.util.UUID, java.util.Optional<String>> lookup) {
        this.newerElsewhere = lookup;
    }

    /** What is known of newer versions changed (the DMP answered): the shown document's notice follows. */
    public void recheckVersion() {
        ClinicalDocument shown = loaded != null ? loaded : document.get();
        versionNotice.set(shown == null ? "" : notice(shown));
    }

    private record Rendered(ClinicalDocument document, PdfPageImages.Pages pages, String patient, byte[] pdf) {
    }
}
