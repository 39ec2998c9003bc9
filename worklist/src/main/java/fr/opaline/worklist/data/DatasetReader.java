package fr.opaline.worklist.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a data set in Implicit or Explicit VR Little Endian (PS3.5 section 7), sequences and
 * items of defined or undefined length included. Every length is checked against the bytes that
 * remain and nesting is bounded, so a hostile data set gives a {@link DicomFormatException},
 * never an endless loop or a stack overflow.
 */
public final class DatasetReader {

    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    static final int MAX_DEPTH = 16;

    private final byte[] data;
    private final boolean explicitVr;
    private int pos;

    private DatasetReader(byte[] data, boolean explicitVr) {
        this.data = data;
        this.explicitVr = explicitVr;
    }

    public static Attributes read(byte[] data, TransferSyntax syntax) throws DicomFormatException {
        return read(data, syntax.explicitVr());
    }

    public static Attributes read(byte[] data, boolean explicitVr) throws DicomFormatException {
        DatasetReader reader = new DatasetReader(data, explicitVr);
        Attributes attributes = new Attributes();
        reader.readElements(attributes, data.length, false, DicomCharset.DEFAULT, 0);
        return attributes;
    }

    /** Reads elements until {@code end}, or until an item delimitation when {@code delimited}. */
    private void readElements(Attributes into, int end, boolean delimited, DicomCharset inherited, int depth)
            throws DicomFormatException {
        DicomCharset charset = inherited;
        while (pos < end) {
            int tag = readTag();
            if (tag == Tag.ITEM_DELIMITATION) {
                readLength32();
                if (!delimited) {
                    throw new DicomFormatException("Délimiteur d'item inattendu à l'octet " + (pos - 8));
                }
                return;
            }
            if (tag == Tag.ITEM || tag == Tag.SEQUENCE_DELIMITATION) {
                throw new DicomFormatException("Balise d'item " + Tag.toString(tag) + " hors d'une séquence");
            }
            Vr vr;
            long length;
            if (explicitVr) {
                need(2);
                vr = Vr.fromCode(data[pos] & 0xFF, data[pos + 1] & 0xFF);
                if (vr == null) {
                    throw new DicomFormatException("VR inconnue pour " + Tag.toString(tag) + " à l'octet " + pos);
                }
                pos += 2;
                if (vr.hasLongHeader()) {
                    need(2);
                    pos += 2;
                    length = readLength32();
                } else {
                    need(2);
                    length = (data[pos] & 0xFF) | ((data[pos + 1] & 0xFF) << 8);
                    pos += 2;
                }
            } else {
                vr = ElementDictionary.vrOf(tag);
                length = readLength32();
            }
            if (length == UNDEFINED_LENGTH) {
                if (vr != Vr.SQ && vr != Vr.UN) {
                    throw new DicomFormatException("Longueur indéfinie interdite pour " + Tag.toString(tag) + " " + vr);
                }
                into.set(new Attributes.Element(tag, Vr.SQ, readSequence(-1, charset, depth)));
                continue;
            }
            if (length > end - pos) {
                throw new DicomFormatException("Longueur " + length + " de " + Tag.toString(tag)
                        + " au-delà des " + (end - pos) + " octets restants");
            }
            int valueLength = (int) length;
            if (vr == Vr.SQ) {
                into.set(new Attributes.Element(tag, Vr.SQ, readSequence(pos + valueLength, charset, depth)));
                continue;
            }
            Attributes.Element element = vr.isText()
                    ? new Attributes.Element(tag, vr, text(vr, valueLength, charset))
                    : new Attributes.Element(tag, vr, Arrays.copyOfRange(data, pos, pos + valueLength));
            pos += valueLength;
            into.set(element);
            if (tag == Tags.SPECIFIC_CHARACTER_SET) {
                charset = DicomCharset.of(element.text());
            }
        }
        if (delimited) {
            throw new DicomFormatException("Item de longueur indéfinie sans délimiteur");
        }
        if (pos != end) {
            throw new DicomFormatException("Item plus long que sa longueur déclarée");
        }
    }

    /** Items until {@code end}, or until a sequence delimitation when {@code end} is -1. */
    private List<Attributes> readSequence(int end, DicomCharset charset, int depth) throws DicomFormatException {
        if (depth + 1 > MAX_DEPTH) {
            throw new DicomFormatException("Séquences imbriquées sur plus de " + MAX_DEPTH + " niveaux");
        }
        List<Attributes> items = new ArrayList<>();
        while (end < 0 || pos < end) {
            int tag = readTag();
            long length = readLength32();
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                if (end >= 0) {
                    throw new DicomFormatException("Délimiteur de séquence dans une séquence de longueur définie");
                }
                return items;
            }
            if (tag != Tag.ITEM) {
                throw new DicomFormatException("Item attendu dans la séquence, trouvé " + Tag.toString(tag));
            }
            Attributes item = new Attributes();
            if (length == UNDEFINED_LENGTH) {
                readElements(item, end < 0 ? data.length : end, true, charset, depth + 1);
            } else {
                int limit = end < 0 ? data.length : end;
                if (length > limit - pos) {
                    throw new DicomFormatException("Item de " + length + " octets au-delà de sa séquence");
                }
                readElements(item, pos + (int) length, false, charset, depth + 1);
            }
            items.add(item);
        }
        if (pos != end) {
            throw new DicomFormatException("Séquence plus longue que sa longueur déclarée");
        }
        return items;
    }

    private String text(Vr vr, int length, DicomCharset charset) {
        int end = pos + length;
        while (end > pos && (data[end - 1] == ' ' || data[end - 1] == 0)) {
            end--;
        }
        DicomCharset decodeWith = vr.usesSpecificCharacterSet() ? charset : DicomCharset.DEFAULT;
        return decodeWith.decode(data, pos, end - pos);
    }

    private int readTag() throws DicomFormatException {
        need(4);
        int group = (data[pos] & 0xFF) | ((data[pos + 1] & 0xFF) << 8);
        int element = (data[pos + 2] & 0xFF) | ((data[pos + 3] & 0xFF) << 8);
        pos += 4;
        return Tag.of(group, element);
    }

    private long readLength32() throws DicomFormatException {
        need(4);
        long value = (data[pos] & 0xFFL) | ((data[pos + 1] & 0xFFL) << 8) | ((data[pos + 2] & 0xFFL) << 16)
                | ((data[pos + 3] & 0xFFL) << 24);
        pos += 4;
        return value;
    }

    private void need(int bytes) throws DicomFormatException {
        if (data.length - pos < bytes) {
            throw new DicomFormatException("Data set tronqué à l'octet " + pos);
        }
    }
}
