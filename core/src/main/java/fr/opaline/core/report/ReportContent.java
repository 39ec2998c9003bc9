package fr.opaline.core.report;

/** What the radiologist writes: the four parts of a compte rendu d'imagerie. */
public record ReportContent(String indication, String technique, String results, String conclusion) {

    public static final int MAX_PART = 8000;
    public static final int MAX_RESULTS = 16000;

    public ReportContent {
        indication = clean(indication);
        technique = clean(technique);
        results = clean(results);
        conclusion = clean(conclusion);
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        // Keep line breaks, drop the other control characters XML 1.0 and PDF text cannot carry.
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").strip();
    }
}
