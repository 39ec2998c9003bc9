package fr.opaline.documents.cda;

import java.util.Locale;

/**
 * A professional's name split for CDA: user accounts hold one display name such as
 * "Dr Claire Lambert"; the title becomes the suffix DR, the last word the family name.
 */
public record PersonName(String given, String family, String suffix) {

    public static PersonName parse(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        String suffix = null;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String title : new String[] {"dr ", "dr. ", "pr ", "pr. "}) {
            if (lower.startsWith(title)) {
                suffix = title.startsWith("pr") ? "PR" : "DR";
                name = name.substring(title.length()).strip();
                break;
            }
        }
        int space = name.lastIndexOf(' ');
        String given = space < 0 ? "" : name.substring(0, space).strip();
        String family = space < 0 ? name : name.substring(space + 1).strip();
        return new PersonName(given, family.toUpperCase(Locale.FRENCH), suffix);
    }

    /** "Dr Claire LAMBERT" */
    public String display() {
        return ((suffix == null ? "" : (suffix.equals("DR") ? "Dr " : "Pr ")) + given + " " + family).strip();
    }
}
