package fr.opaline.ui.print;

import fr.opaline.api.PrintedDocument;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.Work;
import fr.opaline.ui.document.PdfPageImages;
import fr.opaline.ui.i18n.Messages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Prints a PDF rendered by the server through the system's printers (its pages rendered as
 * images, printed with JavaFX printing) or saves it as a PDF file. The fetch, the rendering, the
 * printing and the writing run off the FX thread; the choice dialog and the printer dialog on it.
 */
public final class Printouts {

    /** Where a PDF is saved: null when the user cancels. */
    public interface SaveTarget {
        Path choose(Window owner, String suggestedName);
    }

    /** Test hook: Monocle cannot drive the native file chooser, journeys give the path instead. */
    private static volatile SaveTarget saveTarget = Printouts::askFile;

    private static final float PRINT_DPI = 200;

    private final Background background;
    private final Messages messages;
    private final Consumer<String> info;
    private final Consumer<String> error;

    /** @param info and @param error show a French message on the calling screen (FX thread) */
    public Printouts(Background background, Messages messages, Consumer<String> info, Consumer<String> error) {
        this.background = background;
        this.messages = messages;
        // Cleared first so that the same message twice still shows.
        this.info = message -> {
            info.accept("");
            info.accept(message);
        };
        this.error = message -> {
            error.accept("");
            error.accept(message);
        };
    }

    /** Replaces the file chooser (tests); null restores it. */
    public static void useSaveTarget(SaveTarget target) {
        saveTarget = target == null ? Printouts::askFile : target;
    }

    /** Asks "print or save as PDF", then fetches the document and does it. FX thread. */
    public void offer(Window owner, String title, Work<PrintedDocument> fetch) {
        ButtonType print = new ButtonType(messages.get("print.print"), ButtonBar.ButtonData.OK_DONE);
        ButtonType save = new ButtonType(messages.get("print.save"), ButtonBar.ButtonData.OTHER);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText(messages.get("print.question"));
        dialog.getDialogPane().setId("print-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(print, save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(print).setId("print-print");
        dialog.getDialogPane().lookupButton(save).setId("print-save");
        dialog.setOnHidden(e -> {
            ButtonType chosen = dialog.getResult();
            if (chosen == print || chosen == save) {
                boolean toPrinter = chosen == print;
                background.run(messages.get("print.fetching"), fetch,
                        document -> {
                            if (toPrinter) {
                                print(owner, document);
                            } else {
                                save(owner, document);
                            }
                        }, this::failed);
            }
        });
        dialog.show();
    }

    /** Asks where, then writes the PDF. FX thread. */
    public void save(Window owner, PrintedDocument document) {
        Path target = saveTarget.choose(owner, document.fileName());
        if (target == null) {
            return;
        }
        background.run(messages.get("print.saving"), progress -> {
            Files.write(target, document.pdf());
            return target;
        }, path -> info.accept(messages.format("print.saved", path.toString())), this::failed);
    }

    /** Renders the pages, asks for the printer, prints. FX thread. */
    public void print(Window owner, PrintedDocument document) {
        background.run(messages.get("print.rendering"),
                progress -> PdfPageImages.render(document.pdf(), PRINT_DPI, () -> false),
                pages -> {
                    PrinterJob job = PrinterJob.createPrinterJob();
                    if (job == null) {
                        error.accept(messages.get("print.noPrinter"));
                        return;
                    }
                    if (!job.showPrintDialog(owner)) {
                        job.cancelJob();
                        return;
                    }
                    background.run(messages.get("print.printing"), progress -> {
                        PageLayout layout = job.getJobSettings().getPageLayout();
                        for (Image page : pages.images()) {
                            ImageView view = new ImageView(page);
                            view.setPreserveRatio(true);
                            view.setFitWidth(layout.getPrintableWidth());
                            view.setFitHeight(layout.getPrintableHeight());
                            if (!job.printPage(view)) {
                                throw new IllegalStateException(messages.get("print.failed"));
                            }
                        }
                        return job.endJob();
                    }, done -> info.accept(messages.get(done ? "print.sent" : "print.failed")), this::failed);
                }, this::failed);
    }

    private void failed(Throwable failure) {
        String message = failure.getMessage();
        error.accept(message == null || message.isBlank() ? messages.get("print.failed") : message);
    }

    private static Path askFile(Window owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File chosen = chooser.showSaveDialog(owner);
        return chosen == null ? null : chosen.toPath();
    }
}
