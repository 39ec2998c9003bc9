package fr.opaline.worklist.net;

/** Rules for Application Entity titles (PS3.5 6.2, VR AE). */
public final class AeTitles {

    private AeTitles() {
    }

    /**
     * Checks a title given in configuration: 1 to 16 characters of the default repertoire,
     * no backslash, no control character, not only spaces.
     *
     * @return the title without leading and trailing spaces
     * @throws IllegalArgumentException with a message in French
     */
    public static String check(String title) {
        String trimmed = title == null ? "" : title.trim();
        if (trimmed.isEmpty() || trimmed.length() > 16) {
            throw new IllegalArgumentException("Titre AE « " + title + " » : 1 à 16 caractères attendus");
        }
        for (char c : trimmed.toCharArray()) {
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw new IllegalArgumentException("Titre AE « " + title
                        + " » : caractères ASCII imprimables seulement, sans barre oblique inverse");
            }
        }
        return trimmed;
    }
}
