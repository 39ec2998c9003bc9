package fr.opaline.api;

/**
 * A birthplace as the desk shows it.
 *
 * @param departement the département of a French commune ("50", "2A", "971"), null for a country
 * @param kind        what the code names, in French ("Commune déléguée", "Pays"…)
 * @param today       for a former or delegated commune, what it belongs to today ("Cherbourg-en-Cotentin (50129)"), else null
 */
public record Birthplace(String code, String name, String departement, String kind, boolean abroad, String today) {

    /** "Cherbourg-Octeville (50)", "Belgique (pays)". */
    public String label() {
        return name + (abroad ? " (pays)" : departement == null ? "" : " (" + departement + ")");
    }
}
