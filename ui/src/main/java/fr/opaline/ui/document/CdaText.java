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
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

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

    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> new String(Character.toChars(e.startsWith("#x") || e.startsWith("#X")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
