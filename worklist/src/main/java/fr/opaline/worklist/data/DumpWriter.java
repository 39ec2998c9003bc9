package fr.opaline.worklist.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a data set in the text form DCMTK's {@code dump2dcm} reads ("(0010,0010) PN [value]",
 * one element a line, sequences opened and closed by item and delimitation lines). Values are
 * written as bytes of the data set's character set, since dump2dcm copies them as they are.
 * Used to give DCMTK's {@code wlmscpfs} the same worklist as Opaline's.
 */
public final class DumpWriter {

    private DumpWriter() {
    }

    public static byte[] write(Attributes attributes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, attributes, DicomCharset.DEFAULT);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Attributes attributes, DicomCharset inherited) {
        DicomCharset charset = attributes.contains(Tags.SPECIFIC_CHARACTER_SET)
                ? DicomCharset.of(attributes.getString(Tags.SPECIFIC_CHARACTER_SET)) : inherited;
        for (Attributes.Element e : attributes.elements()) {
            if (Tag.isGroupLength(e.tag())) {
                continue;
            }
            String head = String.format("(%04x,%04x) %s ", Tag.group(e.tag()), Tag.element(e.tag()), e.vr());
            out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            if (e.items() != null) {
                line(out, "(Sequence)");
                for (Attributes item : e.items()) {
                    line(out, "(fffe,e000) na (Item)");
                    write(out, item, charset);
                    line(out, "(fffe,e00d) na (ItemDelimitationItem)");
                }
                line(out, "(fffe,e0dd) na (SequenceDelimitationItem)");
            } else if (e.text() != null) {
                out.write('[');
                out.writeBytes((e.vr().usesSpecificCharacterSet() ? charset : DicomCharset.DEFAULT).encode(e.text()));
                line(out, "]");
            } else if ((e.vr() == Vr.US || e.vr() == Vr.UL) && !e.isEmpty()) {
                line(out, Integer.toUnsignedString(attributes.getInt(e.tag(), 0)));
            } else {
                StringBuilder hex = new StringBuilder();
                for (byte b : e.bytes()) {
                    hex.append(hex.length() == 0 ? "" : "\\").append(String.format("%02x", b & 0xFF));
                }
                line(out, hex.toString());
            }
        }
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
    }
}
