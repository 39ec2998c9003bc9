package fr.opaline.ui.dmp;

import fr.opaline.api.dmp.DocumentFeed;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.core.document.Provenance;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Banner;
import fr.opaline.ui.widgets.Columns;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The record's own CDA documents and the DMP (SC.DMP/HISTO.03/04, CONF.03, UX.51): choose one,
 * see where it stands, send a document of an earlier episode (confirmed), delete it from the DMP
 * only (confirmed, with the reason), change its visibility to the patient and to the legal
 * representatives. The notice of DMP/CONF.11 says the accesses are traced under the user's RPPS.
 */
public final class DmpFeedPane extends VBox {

    private final DmpFeedViewModel model;
    private final Messages messages;
    private final CheckBox invisible = new CheckBox();
    private final CheckBox legal = new CheckBox();
    /** The record's list is being replaced (a reload): the table's selection goes, the choice stays. */
    private boolean replacing;

    public DmpFeedPane(DmpFeedViewModel model, ObservableList<ClinicalDocument> documents, Messages messages,
                       ZoneId zone) {
        super(8);
        setPadding(new javafx.geometry.Insets(8));
        this.model = model;
        this.messages = messages;
        setId("dmp-feed-pane");
        Label title = new Label(messages.get("dmp.feed.title"));
        title.getStyleClass().add("card-title");
        Label notice = new Label(messages.get("dmp.rppsNotice"));
        notice.setId("dmp-rpps-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add("muted");

        // Registered before the filtered list's own listener: told first when the record reloads.
        documents.addListener((javafx.collections.ListChangeListener<ClinicalDocument>) c -> replacing = true);
        TableView<ClinicalDocument> table = new TableView<>(new FilteredList<>(documents,
                d -> d.provenance() == Provenance.LOCAL && "text/xml".equals(d.mimeType()) && !isN1(d, documents)));
        table.setId("dmp-feed-documents");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Columns.text(messages.get("record.col.title"), d -> Columns.orDash(d.title()), 240));
        table.getColumns().add(Columns.text(messages.get("record.col.actDate"),
                d -> messages.date(d.effectiveAt().atZone(zone)), 95));
        table.getColumns().add(Columns.text(messages.get("record.col.author"), d -> Columns.orDash(d.authorName()), 150));
        table.setPlaceholder(new Label(messages.get("dmp.feed.none")));
        table.setPrefHeight(150);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || !replacing) {
                model.select(now);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label state = new Label();
        state.setId("dmp-feed-state");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.createStringBinding(() -> describe(model.feedProperty().get()),
                model.feedProperty(), model.selectedProperty()));

        var none = model.selectedProperty().isNull().or(model.busyProperty());
        var unread = model.feedProperty().isNull().or(model.busyProperty());
        Button historical = new Button(messages.get("dmp.feed.historical"));
        historical.setId("dmp-feed-historical");
        historical.disableProperty().bind(unread.or(Bindings.createBooleanBinding(() ->
                !stateIn("NONE", "CANCELLED", "FAILED"), model.feedProperty())));
        historical.setOnAction(e -> confirmHistorical());
        Button delete = new Button(messages.get("dmp.feed.delete"));
        delete.setId("dmp-feed-delete");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(unread.or(Bindings.createBooleanBinding(() ->
                !stateIn("SCHEDULED", "HELD", "SENDING", "IN_DMP", "FAILED", "DELETE_FAILED"), model.feedProperty())));
        delete.setOnAction(e -> confirmDelete());
        invisible.setText(messages.get("dmp.feed.invisible"));
        invisible.setId("dmp-feed-invisible");
        legal.setText(messages.get("dmp.feed.legal"));
        legal.setId("dmp-feed-legal");
        invisible.disableProperty().bind(unread);
        legal.disableProperty().bind(unread);
        model.feedProperty().addListener((o, was, now) -> {
            invisible.setSelected(now != null && now.invisibleToPatient());
            legal.setSelected(now != null && now.hiddenFromLegalRepresentatives());
        });
        Button visibility = new Button(messages.get("dmp.feed.visibility"));
        visibility.setId("dmp-feed-visibility");
        visibility.disableProperty().bind(none.or(Bindings.createBooleanBinding(() -> {
            DocumentFeed f = model.feedProperty().get();
            return f == null || f.invisibleToPatient() == invisible.isSelected()
                    && f.hiddenFromLegalRepresentatives() == legal.isSelected();
        }, model.feedProperty(), invisible.selectedProperty(), legal.selectedProperty())));
        visibility.setOnAction(e -> model.changeVisibility(invisible.isSelected(), legal.isSelected()));
        Button refresh = new Button(messages.get("dmp.feed.refresh"));
        refresh.setId("dmp-feed-refresh");
        refresh.disableProperty().bind(none);
        refresh.setOnAction(e -> model.select(model.selectedProperty().get()));
        // The record reads its documents again after a change: the same document stays chosen.
        table.getItems().addListener((javafx.collections.ListChangeListener<ClinicalDocument>) c -> {
            ClinicalDocument chosen = model.selectedProperty().get();
            if (chosen != null && table.getSelectionModel().getSelectedItem() == null) {
                table.getItems().stream().filter(d -> d.id().equals(chosen.id())).findFirst()
                        .ifPresent(d -> table.getSelectionModel().select(d));
            }
            replacing = false;
        });
        FlowPane actions = new FlowPane(10, 6, refresh, historical, delete, invisible, legal, visibility);
        actions.setAlignment(Pos.CENTER_LEFT);
        Banner banner = new Banner();
        banner.setId("dmp-feed-banner");
        banner.bind(model.errorProperty(), model.infoProperty());
        getChildren().addAll(title, notice, banner, table, state, actions);
    }

    /** The N1 copy of a CR stays with its N3, the document the DMP receives. */
    private static boolean isN1(ClinicalDocument d, java.util.List<ClinicalDocument> all) {
        return d.reportVersionId() != null && all.stream().anyMatch(n3 -> n3 != d
                && d.reportVersionId().equals(n3.reportVersionId())
                && fr.opaline.documents.cda.CdaIdentifiers.n1Uid(n3.documentUid()).equals(d.documentUid()));
    }

    private boolean stateIn(String... states) {
        DocumentFeed feed = model.feedProperty().get();
        return feed != null && java.util.List.of(states).contains(feed.state());
    }

    private String describe(DocumentFeed feed) {
        if (model.selectedProperty().get() == null) {
            return messages.get("dmp.feed.choose");
        }
        if (feed == null) {
            return "";
        }
        String text = messages.get("dmp.feed.state." + feed.state());
        if (feed.invisibleToPatient()) {
            text += " · " + messages.get("dmp.feed.flag.invisible");
        }
        if (feed.hiddenFromLegalRepresentatives()) {
            text += " · " + messages.get("dmp.feed.flag.legal");
        }
        if (feed.lastError() != null && !feed.lastError().isBlank()) {
            text += " · " + feed.lastError();
        }
        return text;
    }

    private void confirmHistorical() {
        ClinicalDocument document = model.selectedProperty().get();
        Dialog<Boolean> dialog = dialog("dmp.feed.historical.title", "dmp-historical");
        dialog.setHeaderText(messages.format("dmp.feed.historical.header", document.title()));
        Label text = new Label(messages.get("dmp.feed.historical.text"));
        text.setWrapText(true);
        text.setPrefWidth(460);
        dialog.getDialogPane().setContent(text);
        dialog.setOnHidden(e -> {
            if (Boolean.TRUE.equals(dialog.getResult())) {
                model.feedHistorical();
            }
        });
        dialog.show();
    }

    private void confirmDelete() {
        ClinicalDocument document = model.selectedProperty().get();
        Dialog<Boolean> dialog = dialog("dmp.feed.delete.title", "dmp-delete");
        dialog.setHeaderText(messages.format("dmp.feed.delete.header", document.title()));
        Label text = new Label(messages.get("dmp.feed.delete.text"));
        text.setWrapText(true);
        TextField reason = new TextField();
        reason.setId("dmp-delete-reason");
        reason.setPromptText(messages.get("dmp.feed.delete.reason"));
        VBox content = new VBox(10, text, reason);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).disableProperty()
                .bind(Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty()));
        dialog.setOnHidden(e -> {
            if (Boolean.TRUE.equals(dialog.getResult())) {
                model.deleteFromDmp(reason.getText().strip());
            }
        });
        dialog.show();
    }

    private Dialog<Boolean> dialog(String titleKey, String id) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(messages.get(titleKey));
        ButtonType ok = new ButtonType(messages.get("dmp.feed.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dmp.feed.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().setId(id + "-dialog");
        dialog.getDialogPane().lookupButton(ok).setId(id + "-confirm");
        dialog.getDialogPane().lookupButton(cancel).setId(id + "-cancel");
        dialog.setResultConverter(button -> button == ok);
        return dialog;
    }
}
