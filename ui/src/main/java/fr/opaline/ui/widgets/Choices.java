package fr.opaline.ui.widgets;

import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Drop-down lists of fixed values shown by their label (the values never come from typed text). */
public final class Choices {

    private Choices() {
    }

    /** The values, each shown by its label. */
    @SafeVarargs
    public static <T> ComboBox<T> of(String id, Function<T, String> label, T... values) {
        return build(id, label, null, values);
    }

    /** The values plus a first "all" entry (the value null) shown as {@code noneText}: a filter. */
    @SafeVarargs
    public static <T> ComboBox<T> filter(String id, String noneText, Function<T, String> label, T... values) {
        return build(id, label, noneText, values);
    }

    @SafeVarargs
    private static <T> ComboBox<T> build(String id, Function<T, String> label, String noneText, T... values) {
        ComboBox<T> combo = new ComboBox<>();
        combo.setId(id);
        if (noneText != null) {
            combo.getItems().add(null);
        }
        combo.getItems().addAll(values);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? noneText == null ? "" : noneText : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        return combo;
    }
}
