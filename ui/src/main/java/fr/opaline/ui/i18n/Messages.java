package fr.opaline.ui.i18n;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The user-facing texts of the desktop client. French is the base bundle; English is the only
 * translation. The lookup never falls back to the machine's default locale, so a French
 * installation on an English system stays French. Values use the typographic apostrophe (’)
 * so that {@link MessageFormat} patterns need no escaping.
 */
public final class Messages {

    public static final String BUNDLE = "fr.opaline.ui.i18n.messages";
    public static final Locale FRENCH = Locale.FRENCH;

    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter shortDay;
    private final DateTimeFormatter time;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
        this.date = DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale);
        this.longDate = DateTimeFormatter.ofPattern(bundle.getString("format.longDate"), locale);
        this.shortDay = DateTimeFormatter.ofPattern(bundle.getString("format.shortDay"), locale);
        this.time = DateTimeFormatter.ofPattern(bundle.getString("format.time"), locale);
    }

    /** French unless English is asked for. */
    public static Messages load(Locale requested) {
        Locale locale = requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : FRENCH;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    public static Messages french() {
        return load(FRENCH);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("Texte manquant dans " + BUNDLE + " : " + key, e);
        }
    }

    /** The text of a key that may be absent (codes from outside: document types, evidence kinds). */
    public java.util.Optional<String> find(String key) {
        return bundle.containsKey(key) ? java.util.Optional.of(bundle.getString(key)) : java.util.Optional.empty();
    }

    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** Label of an enum constant: key {@code enum.<SimpleName>.<NAME>}. */
    public String label(Enum<?> value) {
        Objects.requireNonNull(value, "value");
        return get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    public String date(TemporalAccessor value) {
        return value == null ? "" : date.format(value);
    }

    public String longDate(TemporalAccessor value) {
        return value == null ? "" : capitalise(longDate.format(value));
    }

    /** The long date inside a sentence: "lundi 2 mars 2026" (French does not capitalise it there). */
    public String longDateInText(TemporalAccessor value) {
        return value == null ? "" : longDate.format(value);
    }

    public String shortDay(TemporalAccessor value) {
        return value == null ? "" : shortDay.format(value);
    }

    public String time(TemporalAccessor value) {
        return value == null ? "" : time.format(value);
    }

    public DateTimeFormatter dateFormatter() {
        return date;
    }

    private String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
