package fr.opaline.ui.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML view of a CDA (the documents module's stylesheet) as text the desktop shows without
 * a web engine: headings and paragraphs on their own lines, list items with a dash, table cells
 * separated by tabs. Only ever fed the stylesheet's own output, whose text is escaped.
 */
public final class CdaText {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX]?[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");
    /** HTML 4's Latin-1 entity names, for code points 160 to 255 in order (the serializer writes them). */
    private static final String[] LATIN_1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy "
            + "reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest "
            + "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH "
            + "Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave "
            + "aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde "
            + "ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml").split(" ");
    private static final java.util.Map<String, String> NAMED = named();

    private CdaText() {
    }

    public static String fromHtml(String html) {
        int body = html.indexOf("<body");
        String source = body < 0 ? html : html.substring(body);
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(source);
        int last = 0;
        while (m.find()) {
            out.append(collapse(source.substring(last, m.start())));
            last = m.end();
            boolean closing = !m.group(1).isEmpty();
            switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                case "h1", "h2", "h3" -> out.append(closing ? "\n" : "\n\n");
                case "p", "div", "section", "tr", "table", "ul" -> newline(out);
                case "br" -> out.append('\n');
                case "li" -> {
                    if (!closing) {
                        newline(out);
                        out.append("– ");
                    }
                }
                case "td", "th" -> {
                    if (closing) {
                        out.append('\t');
                    }
                }
                default -> { }
            }
        }
        out.append(collapse(source.substring(last)));
        return unescape(out.toString()).replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n +", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static String collapse(String text) {
        String collapsed = text.replaceAll("\\s+", " ");
        return collapsed.isBlank() ? (collapsed.isEmpty() ? "" : " ") : collapsed;
    }

    private static java.util.Map<String, String> named() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int i = 0; i < LATIN_1.length; i++) {
            names.put(LATIN_1[i], String.valueOf((char) (160 + i)));
        }
        names.putAll(java.util.Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "OElig", "\u0152",
                "oelig", "\u0153", "euro", "\u20ac", "rsquo", "\u2019", "hellip", "\u2026"));
        names.putAll(java.util.Map.of("lsquo", "\u2018", "ldquo", "\u201c", "rdquo", "\u201d", "ndash", "\u2013",
                "mdash", "\u2014"));
        return java.util.Map.copyOf(names);
    }

    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = !e.startsWith("#") ? NAMED.getOrDefault(e, m.group())
                    : new String(Character.toChars(e.startsWith("#x") || e.startsWith("#X")
                    ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
