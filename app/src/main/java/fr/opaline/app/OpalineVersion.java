package fr.opaline.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The technical version shown by {@code --version}, in the About box and the status bar. */
public final class OpalineVersion {

    private OpalineVersion() {
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = OpalineVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "inconnue";
        }
        return properties.getProperty("version", "inconnue");
    }
}
