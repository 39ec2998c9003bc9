package fr.opaline.core.settings;

/** A setting is wrong or missing; the message, in French, names the key and what is expected. */
public class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
