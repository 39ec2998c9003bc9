package fr.opaline.ui.document;

import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The viewer under the record's document list: PDF pages, or the CDA view on demand. */
public final class DocumentViewer extends BorderPane {

    public DocumentViewer(DocumentViewerViewModel model, Messages messages) {
        setId("document-viewer");
        getStyleClass().add("document-viewer");

        Label title = new Label();
        title.getStyleClass().add("card-title");
        title.setId("viewer-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.documentProperty().get() == null ? messages.get("viewer.none")
                        : model.documentProperty().get().title(), model.documentProperty()));
        ToggleGroup modes = new ToggleGroup();
        ToggleButton pdf = new ToggleButton(messages.get("viewer.pdf"));
        pdf.setId("viewer-pdf");
        ToggleButton cda = new ToggleButton(messages.get("viewer.cda"));
        cda.setId("viewer-cda");
        pdf.setToggleGroup(modes);
        cda.setToggleGroup(modes);
        pdf.disableProperty().bind(model.documentProperty().isNull());
        cda.disableProperty().bind(model.cdaAvailableProperty().not());
        pdf.setOnAction(e -> model.showPdf());
        cda.setOnAction(e -> model.showCda());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(16, 16);
        loading.visibleProperty().bind(model.loadingProperty());
        Label note = new Label();
        note.getStyleClass().add("muted");
        note.setId("viewer-note");
        note.textProperty().bind(model.noteProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.Button print = new javafx.scene.control.Button(messages.get("print.print"));
        print.setId("viewer-print");
        print.disableProperty().bind(model.printableProperty().not());
        print.setOnAction(e -> model.print(getScene().getWindow()));
        HBox bar = new HBox(10, title, spacer, note, loading, print, pdf, cda);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 6, 0));
        Banner banner = new Banner();
        banner.bind(model.errorProperty(), model.infoProperty());
        Label patient = new Label();
        patient.setId("viewer-patient");
        patient.textProperty().bind(model.patientLineProperty());
        patient.visibleProperty().bind(model.patientLineProperty().isNotEmpty());
        patient.managedProperty().bind(patient.visibleProperty());
        // A newer version (or a deletion) is said wherever the document is opened.
        Label version = new Label();
        version.setId("viewer-version-notice");
        version.getStyleClass().add("demo-banner");
        version.setMaxWidth(Double.MAX_VALUE);
        version.textProperty().bind(model.versionNoticeProperty());
        version.visibleProperty().bind(model.versionNoticeProperty().isNotEmpty());
        version.managedProperty().bind(version.visibleProperty());
        setTop(new VBox(bar, version, patient, banner));

        VBox pageBox = new VBox(12);
        pageBox.setAlignment(Pos.TOP_CENTER);
        pageBox.setId("viewer-pages");
        pageBox.getStyleClass().add("viewer-pages");
        ScrollPane pagesScroll = new ScrollPane(pageBox);
        pagesScroll.setFitToWidth(true);
        model.pages().addListener((ListChangeListener<Image>) c -> {
            pageBox.getChildren().clear();
            for (Image page : model.pages()) {
                ImageView view = new ImageView(page);
                view.setPreserveRatio(true);
                view.setSmooth(true);
                view.fitWidthProperty().bind(javafx.beans.binding.Bindings.min(page.getWidth(),
                        pagesScroll.widthProperty().subtract(30)));
                view.getStyleClass().add("viewer-page");
                pageBox.getChildren().add(view);
            }
        });
        TextArea text = new TextArea();
        text.setEditable(false);
        text.setWrapText(true);
        text.setId("viewer-cda-text");
        text.textProperty().bind(model.cdaTextProperty());
        Label empty = new Label(messages.get("viewer.choose"));
        empty.getStyleClass().add("muted");

        model.modeProperty().addListener((o, was, now) -> {
            setCenter(switch (now) {
                case PDF -> pagesScroll;
                case CDA -> text;
                case NONE -> empty;
            });
            modes.selectToggle(now == DocumentViewerViewModel.Mode.PDF ? pdf
                    : now == DocumentViewerViewModel.Mode.CDA ? cda : null);
        });
        setCenter(empty);
    }
}
