package fr.opaline.ui.dmp;

import fr.opaline.api.DmpApi;
import fr.opaline.api.dmp.DocumentFeed;
import fr.opaline.core.document.ClinicalDocument;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the practice sent (or not) to the DMP, document by document, from the record's DMP tab:
 * where the chosen document stands, historical feeding (SC.DMP/HISTO.03/04), deletion from the
 * DMP only with its reason (SC.DMP/CONF.03), and the visibility to the patient and to the legal
 * representatives. The server checks the role (a health professional), consent and audits.
 */
public final class DmpFeedViewModel {

    private final DmpApi dmp;
    private final Background background;
    private final Messages messages;
    private final ObjectProperty<ClinicalDocument> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<DocumentFeed> feed = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private Runnable changed = () -> { };

    /** @param dmp the server's DMP area; null: no feeding controls */
    public DmpFeedViewModel(DmpApi dmp, Background background, Messages messages) {
        this.dmp = dmp;
        this.background = background;
        this.messages = messages;
    }

    public boolean available() {
        return dmp != null;
    }

    /** What to do after a change (the record reads its documents again). */
    public void onChanged(Runnable action) {
        changed = action;
    }

    public ObjectProperty<ClinicalDocument> selectedProperty() {
        return selected;
    }

    /** Where the chosen document stands; null until read. */
    public ObjectProperty<DocumentFeed> feedProperty() {
        return feed;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    /** Chooses a document of the record and reads where it stands with the DMP. */
    public void select(ClinicalDocument document) {
        selected.set(document);
        feed.set(null);
        error.set("");
        if (document == null || dmp == null) {
            return;
        }
        UUID id = document.id();
        background.run(messages.get("dmp.feed.task.read"), p -> dmp.documentFeed(id), read -> {
            if (selected.get() != null && selected.get().id().equals(read.documentId())) {
                feed.set(read);
            }
        }, this::failed);
    }

    /** Sends the chosen document of an earlier episode to the DMP (confirmed by the view). */
    public void feedHistorical() {
        act(messages.get("dmp.feed.task.historical"), dmp -> dmp.feedHistorical(selected.get().id()),
                "dmp.feed.historical.done");
    }

    /** Deletes the chosen document from the DMP only, with the reason; the record keeps it. */
    public void deleteFromDmp(String reason) {
        act(messages.get("dmp.feed.task.delete"), dmp -> dmp.deleteFromDmp(selected.get().id(), reason),
                "dmp.feed.delete.done");
    }

    /** Changes the visibility of the chosen document to the patient and to the legal representatives. */
    public void changeVisibility(boolean invisibleToPatient, boolean hiddenFromLegalRepresentatives) {
        act(messages.get("dmp.feed.task.visibility"), dmp -> dmp.changeVisibility(selected.get().id(),
                invisibleToPatient, hiddenFromLegalRepresentatives), "dmp.feed.visibility.done");
    }

    private void act(String description, Function<DmpApi, DocumentFeed> call, String doneKey) {
        ClinicalDocument document = selected.get();
        if (document == null || dmp == null || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        info.set("");
        background.run(description, p -> call.apply(dmp), result -> {
            busy.set(false);
            if (selected.get() != null && selected.get().id().equals(result.documentId())) {
                feed.set(result);
            }
            info.set(messages.format(doneKey, document.title()));
            changed.run();
        }, failure -> {
            busy.set(false);
            failed(failure);
        });
    }

    private void failed(Throwable failure) {
        error.set(UserErrors.describe(failure, messages));
    }
}
