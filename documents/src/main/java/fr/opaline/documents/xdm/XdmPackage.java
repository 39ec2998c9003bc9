package fr.opaline.documents.xdm;

import fr.opaline.documents.cda.CdaTime;
import fr.opaline.documents.xds.XdsMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An IHE XDM zip (ITI TF-1 §16, as MSSanté attaches documents): {@code IHE_XDM/SUBSET01/} with
 * the documents and their ebRIM {@code METADATA.XML} (one submission set), plus {@code INDEX.HTM}
 * and {@code README.TXT} at the root.
 */
public final class XdmPackage {

    /** One document of the package and its metadata. */
    public record Entry(byte[] content, XdsMetadata metadata) {
        public Entry {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(metadata, "metadata");
        }
    }

    /** The submission set: who sends, for which patient, when. */
    public record Submission(String uniqueId, String sourceId, String patientId, String authorInstitution,
                             String authorPerson, Instant submissionTime, String title) {
    }

    static final String SUBSET = "IHE_XDM/SUBSET01/";
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private XdmPackage() {
    }

    public static byte[] write(Submission submission, List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("Un paquet XDM contient au moins un document.");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (int i = 0; i < entries.size(); i++) {
                put(zip, SUBSET + fileName(i), entries.get(i).content());
            }
            put(zip, SUBSET + "METADATA.XML", EbRimWriter.submitObjectsRequest(submission, entries, XdmPackage::fileName));
            put(zip, "INDEX.HTM", index(submission, entries));
            put(zip, "README.TXT", ("Paquet IHE XDM produit par Opaline RIS.\r\n" + "Documents : " + SUBSET + "\r\n"
                    + "Métadonnées XDS : " + SUBSET + "METADATA.XML\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String fileName(int index) {
        return String.format("DOC%05d.XML", index + 1);
    }

    static String dtm(Instant instant) {
        return instant == null ? null : DTM.format(instant);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] index(Submission submission, List<Entry> entries) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>")
                .append(escape(submission.title())).append("</title></head><body><h1>").append(escape(submission.title()))
                .append("</h1><ul>");
        for (int i = 0; i < entries.size(); i++) {
            XdsMetadata m = entries.get(i).metadata();
            html.append("<li><a href=\"").append(SUBSET).append(fileName(i)).append("\">").append(escape(m.title()))
                    .append("</a> (").append(escape(CdaTime.ts(m.creationTime()))).append(")</li>");
        }
        return html.append("</ul></body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
