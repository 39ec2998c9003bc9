package fr.opaline.documents.drimbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The practice's DRIMbox viewer URL template. Placeholders {@code {studyInstanceUid}} and
 * {@code {accessionNumber}} (at least one) are replaced by the exam's values, URL-encoded; the
 * images stay available for {@code availability} after the exam.
 */
public record DrimboxLinkTemplate(String template, Duration availability) {

    public static final String DEFAULT_TEMPLATE =
            "https://drimbox.invalid/viewer?studyUID={studyInstanceUid}&accession={accessionNumber}";
    public static final Duration DEFAULT_AVAILABILITY = Duration.ofDays(365);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public DrimboxLinkTemplate {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("Modèle d'URL DRIMbox vide");
        }
        if (!template.contains("{studyInstanceUid}") && !template.contains("{accessionNumber}")) {
            throw new IllegalArgumentException("Le modèle d'URL DRIMbox doit contenir {studyInstanceUid} ou {accessionNumber} : "
                    + template);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!m.group(1).equals("studyInstanceUid") && !m.group(1).equals("accessionNumber")) {
                throw new IllegalArgumentException("Marque inconnue {" + m.group(1) + "} dans le modèle d'URL DRIMbox "
                        + "(permises : {studyInstanceUid}, {accessionNumber})");
            }
        }
        String probe = template.replace("{studyInstanceUid}", "1.2.3").replace("{accessionNumber}", "A1");
        try {
            URI uri = new URI(probe);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("Le modèle d'URL DRIMbox doit être une adresse http(s) : " + template);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Modèle d'URL DRIMbox invalide : " + e.getMessage(), e);
        }
        if (availability == null || availability.isNegative() || availability.isZero()) {
            throw new IllegalArgumentException("La durée de mise à disposition des images doit être positive");
        }
    }

    public static DrimboxLinkTemplate defaults() {
        return new DrimboxLinkTemplate(DEFAULT_TEMPLATE, DEFAULT_AVAILABILITY);
    }

    public DrimboxViewerLink linkFor(String studyInstanceUid, String accessionNumber, Instant examTime) {
        String url = template.replace("{studyInstanceUid}", encode(studyInstanceUid))
                .replace("{accessionNumber}", encode(accessionNumber));
        return new DrimboxViewerLink(url, examTime, examTime.plus(availability));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
