package fr.opaline.worklist.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A data set (or a sequence item): elements in tag order. Text values are held decoded, with
 * trailing padding removed and backslashes between values; binary values as little-endian
 * bytes; sequences as lists of items. An element present with an empty value is distinct from
 * an absent one (a C-FIND return key is present and empty).
 */
public final class Attributes {

    /** One element; {@code value} is a String (text VRs), byte[] (binary VRs) or List of Attributes (SQ). */
    public record Element(int tag, Vr vr, Object value) {

        public Element {
            Objects.requireNonNull(vr, "vr");
            Objects.requireNonNull(value, "value");
        }

        public boolean isEmpty() {
            if (value instanceof String s) {
                return s.isEmpty();
            }
            if (value instanceof byte[] b) {
                return b.length == 0;
            }
            return ((List<?>) value).isEmpty();
        }

        public String text() {
            return value instanceof String s ? s : null;
        }

        @SuppressWarnings("unchecked")
        public List<Attributes> items() {
            return value instanceof List<?> l ? (List<Attributes>) l : null;
        }

        public byte[] bytes() {
            return value instanceof byte[] b ? b : null;
        }
    }

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    public Attributes set(Element element) {
        elements.put(element.tag(), element);
        return this;
    }

    public Attributes setString(int tag, Vr vr, String value) {
        if (!vr.isText()) {
            throw new IllegalArgumentException(vr + " is not a text VR");
        }
        return set(new Element(tag, vr, value == null ? "" : value));
    }

    public Attributes setBytes(int tag, Vr vr, byte[] value) {
        return set(new Element(tag, vr, value == null ? new byte[0] : value.clone()));
    }

    /** US (2 bytes) or UL (4 bytes). */
    public Attributes setInt(int tag, Vr vr, int value) {
        ByteBuffer buffer = ByteBuffer.allocate(vr == Vr.US ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (vr == Vr.US) {
            buffer.putShort((short) value);
        } else if (vr == Vr.UL) {
            buffer.putInt(value);
        } else {
            throw new IllegalArgumentException(vr + " is not US or UL");
        }
        return set(new Element(tag, vr, buffer.array()));
    }

    /** Adds a sequence (replacing any previous one) and returns its mutable item list. */
    public List<Attributes> newSequence(int tag) {
        List<Attributes> items = new ArrayList<>();
        set(new Element(tag, Vr.SQ, items));
        return items;
    }

    public Element get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Element remove(int tag) {
        return elements.remove(tag);
    }

    /** The text value, or null when absent or not text. */
    public String getString(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.text();
    }

    /** The first value of a multi-valued text element, trimmed, or null. */
    public String getFirstValue(int tag) {
        String s = getString(tag);
        if (s == null) {
            return null;
        }
        int backslash = s.indexOf('\\');
        return (backslash < 0 ? s : s.substring(0, backslash)).trim();
    }

    /** A US or UL value, or {@code missing} when absent or of another form. */
    public int getInt(int tag, int missing) {
        Element e = elements.get(tag);
        if (e == null || e.bytes() == null) {
            return missing;
        }
        byte[] b = e.bytes();
        ByteBuffer buffer = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (e.vr() == Vr.US && b.length >= 2) {
            return buffer.getShort() & 0xFFFF;
        }
        if ((e.vr() == Vr.UL || e.vr() == Vr.SL) && b.length >= 4) {
            return buffer.getInt();
        }
        if (e.vr() == Vr.UN && b.length == 2) {
            return buffer.getShort() & 0xFFFF;
        }
        return missing;
    }

    /** The items of a sequence, or null when absent or not a sequence. */
    public List<Attributes> getSequence(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.items();
    }

    public Collection<Element> elements() {
        return Collections.unmodifiableCollection(elements.values());
    }

    public int size() {
        return elements.size();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** A deep copy: sequences and byte values are copied too. */
    public Attributes copy() {
        Attributes copy = new Attributes();
        for (Element e : elements.values()) {
            if (e.items() != null) {
                List<Attributes> items = copy.newSequence(e.tag());
                e.items().forEach(item -> items.add(item.copy()));
            } else if (e.bytes() != null) {
                copy.setBytes(e.tag(), e.vr(), e.bytes());
            } else {
                copy.set(e);
            }
        }
        return copy;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        dump(out, "");
        return out.toString();
    }

    private void dump(StringBuilder out, String indent) {
        for (Element e : elements.values()) {
            out.append(indent).append(Tag.toString(e.tag())).append(' ').append(e.vr()).append(' ');
            if (e.items() != null) {
                out.append(e.items().size()).append(" item(s)\n");
                for (Attributes item : e.items()) {
                    out.append(indent).append("  >item\n");
                    item.dump(out, indent + "    ");
                }
            } else if (e.text() != null) {
                out.append('[').append(e.text()).append("]\n");
            } else {
                out.append(e.bytes().length).append(" byte(s)\n");
            }
        }
    }
}
