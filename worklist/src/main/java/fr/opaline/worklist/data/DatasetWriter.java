package fr.opaline.worklist.data;

import java.io.ByteArrayOutputStream;

/**
 * Encodes a data set in Implicit or Explicit VR Little Endian. Sequences and items are written
 * with defined lengths, the form every implementation reads. Text is encoded in the character
 * set named by the data set's (0008,0005), which items inherit; group length elements are not
 * written.
 */
public final class DatasetWriter {

    private final boolean explicitVr;

    private DatasetWriter(boolean explicitVr) {
        this.explicitVr = explicitVr;
    }

    public static byte[] write(Attributes attributes, TransferSyntax syntax) {
        return new DatasetWriter(syntax.explicitVr()).encode(attributes, DicomCharset.DEFAULT);
    }

    /** The command set encoding of PS3.7 6.3.1: Implicit VR Little Endian with its group length. */
    public static byte[] writeCommand(Attributes command) {
        DatasetWriter writer = new DatasetWriter(false);
        byte[] body = writer.encode(command, DicomCharset.DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 12);
        writer.header(out, Tags.COMMAND_GROUP_LENGTH, Vr.UL, 4);
        writeInt32(out, body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private byte[] encode(Attributes attributes, DicomCharset inherited) {
        DicomCharset charset = inherited;
        String declared = attributes.getString(Tags.SPECIFIC_CHARACTER_SET);
        if (declared != null) {
            charset = DicomCharset.of(declared);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (Attributes.Element e : attributes.elements()) {
            if (Tag.isGroupLength(e.tag())) {
                continue;
            }
            if (e.items() != null) {
                writeSequence(out, e, charset);
                continue;
            }
            byte[] value = e.text() != null ? textBytes(e, charset) : e.bytes();
            int padded = value.length + (value.length & 1);
            header(out, e.tag(), e.vr(), padded);
            out.writeBytes(value);
            if (padded != value.length) {
                out.write(e.vr().padding());
            }
        }
        return out.toByteArray();
    }

    private void writeSequence(ByteArrayOutputStream out, Attributes.Element e, DicomCharset charset) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        for (Attributes item : e.items()) {
            byte[] body = encode(item, charset);
            writeTag(items, Tag.ITEM);
            writeInt32(items, body.length);
            items.writeBytes(body);
        }
        header(out, e.tag(), Vr.SQ, items.size());
        out.writeBytes(items.toByteArray());
    }

    private static byte[] textBytes(Attributes.Element e, DicomCharset charset) {
        DicomCharset encodeWith = e.vr().usesSpecificCharacterSet() ? charset : DicomCharset.DEFAULT;
        return encodeWith.encode(e.text());
    }

    private void header(ByteArrayOutputStream out, int tag, Vr vr, int length) {
        writeTag(out, tag);
        if (!explicitVr) {
            writeInt32(out, length);
            return;
        }
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongHeader()) {
            out.write(0);
            out.write(0);
            writeInt32(out, length);
        } else {
            if (length > 0xFFFF) {
                throw new IllegalArgumentException("Valeur de " + length + " octets trop longue pour " + vr
                        + " " + Tag.toString(tag));
            }
            out.write(length & 0xFF);
            out.write((length >>> 8) & 0xFF);
        }
    }

    private static void writeTag(ByteArrayOutputStream out, int tag) {
        int group = Tag.group(tag);
        int element = Tag.element(tag);
        out.write(group & 0xFF);
        out.write(group >>> 8);
        out.write(element & 0xFF);
        out.write(element >>> 8);
    }

    private static void writeInt32(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
        out.write((value >>> 16) & 0xFF);
        out.write((value >>> 24) & 0xFF);
    }
}
