package fr.opaline.app.cli;

/** Why the desktop window could not open, said to the user with what to do. */
final class DesktopUnavailable {

    private DesktopUnavailable() {
    }

    static String explain(UnsupportedOperationException e) {
        String cause = e.getMessage() == null ? "" : e.getMessage();
        String remedy = cause.contains("GTK")
                ? "la bibliothèque GTK 3 manque sur ce poste : installez-la (Debian, Ubuntu : sudo apt-get install"
                        + " libgtk-3-0)"
                : "aucun écran n'est disponible (variable DISPLAY)";
        return "Erreur : impossible d'ouvrir l'application de bureau (" + cause + ") : " + remedy + ".";
    }
}
