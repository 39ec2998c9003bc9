package fr.opaline.documents.cda;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small, strict XML writer for the CDA documents: elements open and close in order, text
 * and attribute values are escaped, characters XML 1.0 cannot carry are dropped, and the
 * output is indented (except inside mixed content) so that a person can read what is sent.
 */
final class XmlBuilder {

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Deque<String> open = new ArrayDeque<>();
    private boolean tagOpen;
    /** Depth of the outermost open element holding text: no indentation inside it. */
    private int mixedAt = Integer.MAX_VALUE;

    XmlBuilder() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    XmlBuilder start(String name) {
        closeStartTag();
        indent();
        out.append('<').append(name);
        open.push(name);
        tagOpen = true;
        return this;
    }

    XmlBuilder attr(String name, String value) {
        if (!tagOpen) {
            throw new IllegalStateException("attribute outside a start tag: " + name);
        }
        if (value != null) {
            out.append(' ').append(name).append("=\"");
            escape(value, true);
            out.append('"');
        }
        return this;
    }

    XmlBuilder text(String text) {
        closeStartTag();
        escape(text == null ? "" : text, false);
        mixedAt = Math.min(mixedAt, open.size());
        return this;
    }

    /** Characters that need no escaping (base64). */
    XmlBuilder raw(CharSequence safe) {
        closeStartTag();
        out.append(safe);
        mixedAt = Math.min(mixedAt, open.size());
        return this;
    }

    XmlBuilder end() {
        int depth = open.size();
        String name = open.pop();
        if (tagOpen) {
            out.append("/>");
            tagOpen = false;
        } else {
            if (depth < mixedAt) {
                indent();
            }
            out.append("</").append(name).append('>');
        }
        if (depth <= mixedAt) {
            mixedAt = Integer.MAX_VALUE;
        }
        return this;
    }

    /** An element with attributes (name, value pairs) and no content. */
    XmlBuilder empty(String name, String... attributes) {
        start(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            attr(attributes[i], attributes[i + 1]);
        }
        return end();
    }

    /** An element with attributes and only text. */
    XmlBuilder element(String name, String text, String... attributes) {
        start(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            attr(attributes[i], attributes[i + 1]);
        }
        return text(text).end();
    }

    byte[] toBytes() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return (out + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void closeStartTag() {
        if (tagOpen) {
            out.append('>');
            tagOpen = false;
        }
    }

    private void indent() {
        if (open.size() >= mixedAt) {
            return;
        }
        out.append('\n').append("  ".repeat(open.size()));
    }

    private void escape(String text, boolean attribute) {
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if ((c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
    }
}
