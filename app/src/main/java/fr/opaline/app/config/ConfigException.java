package fr.opaline.app.config;

import fr.opaline.core.settings.SettingsException;

/** The configuration is wrong; the message names the key and what is expected (French). */
public class ConfigException extends SettingsException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
