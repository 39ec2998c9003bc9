package fr.opaline.mss.directory;

/**
 * A correspondent search (SC.MSS/UX.10): any of name, first name, RPPS, profession code (TRE_G15,
 * e.g. 10 médecin) and town; at least a name or an RPPS.
 */
public record DirectoryQuery(String name, String firstName, String rpps, String professionCode, String town, int limit) {

    public DirectoryQuery {
        name = blankToNull(name);
        firstName = blankToNull(firstName);
        rpps = blankToNull(rpps);
        professionCode = blankToNull(professionCode);
        town = blankToNull(town);
        if (limit <= 0 || limit > 200) {
            limit = 50;
        }
    }

    public boolean searchable() {
        return name != null || rpps != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
