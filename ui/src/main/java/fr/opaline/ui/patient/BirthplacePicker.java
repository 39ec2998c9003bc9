package fr.opaline.ui.patient;

import fr.opaline.api.Birthplace;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Choosing a birthplace by name (with the département, or the country for a birth abroad): the
 * typed text is searched on the practice server in the background, the user picks one of the
 * places found, and the form keeps its INSEE code while showing its name.
 */
public final class BirthplacePicker {

    /** The server's search (through the API); it may block. */
    @FunctionalInterface
    public interface Search {
        List<Birthplace> search(String name, LocalDate birthDate);
    }

    private final Search search;
    private final Background background;
    private final Messages messages;
    private final StringProperty code;
    private final Supplier<LocalDate> birthDate;
    private final ObservableList<Birthplace> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chosen = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The latest text asked for: answers to older ones are dropped. */
    private String asked;

    BirthplacePicker(Search search, Background background, Messages messages, StringProperty code,
                     Supplier<LocalDate> birthDate) {
        this.search = search;
        this.background = background;
        this.messages = messages;
        this.code = code;
        this.birthDate = birthDate;
        code.addListener((o, was, now) -> {
            if (now == null || now.isBlank()) {
                chosen.set("");
            }
        });
    }

    public ObservableList<Birthplace> suggestions() {
        return suggestions;
    }

    /** The chosen place as shown ("Cherbourg-Octeville (50) — Commune déléguée"), empty when none. */
    public ReadOnlyStringProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Searches the places whose name starts with the text (2 characters at least). */
    public void find(String text) {
        String typed = text == null ? "" : text.strip();
        asked = typed;
        if (typed.length() < 2) {
            suggestions.clear();
            status.set("");
            return;
        }
        LocalDate born = birthDate.get();
        background.run(messages.get("birthplace.task.search"), progress -> search.search(typed, born), found -> {
            if (typed.equals(asked)) {
                suggestions.setAll(found);
                status.set(found.isEmpty() ? messages.get("birthplace.none") : "");
            }
        }, failure -> status.set(UserErrors.describe(failure, messages)));
    }

    public void choose(Birthplace place) {
        code.set(place.code());
        chosen.set(describe(place));
        suggestions.clear();
        status.set("");
    }

    /** How a place is shown: name, département or country, and what it is part of today. */
    public static String describe(Birthplace place) {
        return place.label() + " — " + place.kind() + (place.today() == null ? "" : ", aujourd’hui " + place.today());
    }
}
