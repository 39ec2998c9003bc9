package fr.opaline.documents.xdm;

import fr.opaline.platform.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a received IHE XDM zip (ITI TF-1 §16) without trusting it: the archive is read in memory,
 * never extracted to disk; entry names that would leave their folder (absolute, {@code ..},
 * backslashes, drive letters, control characters), duplicate names, encrypted entries, nested
 * archives, and sizes or compression ratios beyond the limits are refused with a French message
 * naming the entry. Sizes are counted on the bytes actually inflated, not on what the headers
 * declare. Each {@code IHE_XDM/SUBSETnn/} must have its {@code METADATA.XML}, read without
 * DOCTYPE; the documents it lists (Slot URI) are returned with their XDS uniqueId, mime type and
 * the CI-SIS extra metadata « action ».
 */
public final class XdmReader {

    /** Limits of one archive. */
    public record Limits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                         int maxCompressionRatio) {
        public static Limits defaults() {
            return new Limits(40L << 20, 200, 40L << 20, 120L << 20, 200);
        }
    }

    /** A document of the archive as its METADATA.XML describes it. */
    public record Document(String path, byte[] content, String mimeType, String uniqueId, String action, String title) {
        public boolean isCda() {
            return "text/xml".equalsIgnoreCase(mimeType) || "application/xml".equalsIgnoreCase(mimeType)
                    || path.toUpperCase(Locale.ROOT).endsWith(".XML");
        }

        public boolean deletionRequested() {
            return XdmPackage.ACTION_DELETE.equalsIgnoreCase(action);
        }
    }

    /** What the archive holds. */
    public record Contents(List<Document> documents, List<String> entryNames) {
        public List<Document> cdaDocuments() {
            return documents.stream().filter(Document::isCda).toList();
        }
    }

    private static final Pattern SUBSET_METADATA = Pattern.compile("IHE_XDM/([^/]+)/METADATA\\.XML", Pattern.CASE_INSENSITIVE);
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    private static final String DOC_UNIQUE_ID = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";
    private static final int MAX_NAME = 255;

    private final Limits limits;

    public XdmReader() {
        this(Limits.defaults());
    }

    public XdmReader(Limits limits) {
        this.limits = limits;
    }

    public Contents read(byte[] zip) {
        if (zip.length > limits.maxArchiveBytes()) {
            throw new XdmException("Archive IHE_XDM refusée : " + megabytes(zip.length) + " Mo, au-delà de la limite de "
                    + megabytes(limits.maxArchiveBytes()) + " Mo.");
        }
        if (zip.length < 4 || zip[0] != 'P' || zip[1] != 'K') {
            throw new XdmException("Pièce jointe refusée : ce n'est pas une archive zip.");
        }
        Map<String, byte[]> entries = entries(zip);
        Map<String, String> byUpperName = new LinkedHashMap<>();
        entries.keySet().forEach(name -> byUpperName.put(name.toUpperCase(Locale.ROOT), name));
        List<Document> documents = new ArrayList<>();
        boolean subsetFound = false;
        for (String name : entries.keySet()) {
            var matcher = SUBSET_METADATA.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            subsetFound = true;
            String folder = name.substring(0, name.length() - "METADATA.XML".length());
            documents.addAll(subset(folder, entries.get(name), entries, byUpperName));
        }
        if (!subsetFound) {
            throw new XdmException("Archive refusée : pas de dossier IHE_XDM/SUBSETnn/ avec son METADATA.XML "
                    + "(ce n'est pas un paquet IHE XDM).");
        }
        if (documents.isEmpty()) {
            throw new XdmException("Archive IHE_XDM sans document décrit dans METADATA.XML.");
        }
        return new Contents(List.copyOf(documents), List.copyOf(entries.keySet()));
    }

    private Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        TreeSet<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        CountingInputStream raw = new CountingInputStream(new ByteArrayInputStream(zip));
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = checkedName(entry.getName());
                if (!seen.add(name)) {
                    throw new XdmException("Archive refusée : l'entrée « " + printable(name) + " » y figure deux fois.");
                }
                if (entries.size() >= limits.maxEntries()) {
                    throw new XdmException("Archive refusée : plus de " + limits.maxEntries() + " entrées.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (nestedArchiveName(name)) {
                    throw new XdmException("Archive refusée : archive imbriquée « " + printable(name) + " ».");
                }
                byte[] content = readBounded(in, name, total, raw);
                total += content.length;
                if (nestedArchiveContent(content)) {
                    throw new XdmException("Archive refusée : « " + printable(name) + " » est elle-même une archive.");
                }
                entries.put(name, content);
            }
        } catch (ZipException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new XdmException(message.contains("encrypted")
                    ? "Archive refusée : elle contient des entrées chiffrées."
                    : "Archive zip illisible : " + message, e);
        } catch (IOException e) {
            throw new XdmException("Archive zip illisible : " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new XdmException("Archive zip vide.");
        }
        return entries;
    }

    private byte[] readBounded(ZipInputStream in, String name, long totalSoFar, CountingInputStream raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long startRaw = raw.count();
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            long size = out.size();
            if (size > limits.maxEntryBytes()) {
                throw new XdmException("Archive refusée : « " + printable(name) + " » dépasse " + megabytes(limits.maxEntryBytes())
                        + " Mo une fois décompressée.");
            }
            if (totalSoFar + size > limits.maxTotalBytes()) {
                throw new XdmException("Archive refusée : son contenu décompressé dépasse " + megabytes(limits.maxTotalBytes())
                        + " Mo.");
            }
            long compressed = Math.max(1, raw.count() - startRaw);
            if (size > 1024 * 1024 && size / compressed > limits.maxCompressionRatio()) {
                throw new XdmException("Archive refusée : taux de compression anormal pour « " + printable(name)
                        + " » (bombe de décompression ?).");
            }
        }
        return out.toByteArray();
    }

    /** The name as given, refused when it could designate something outside the archive's folder. */
    static String checkedName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw new XdmException("Archive refusée : nom d'entrée vide ou trop long.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new XdmException("Archive refusée : nom d'entrée avec un caractère de contrôle.");
            }
        }
        if (name.startsWith("/") || name.contains("\\") || DRIVE.matcher(name).matches()) {
            throw new XdmException("Archive refusée : chemin absolu « " + printable(name) + " ».");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new XdmException("Archive refusée : l'entrée « " + printable(name) + " » sort de son dossier.");
            }
        }
        return name;
    }

    private static boolean nestedArchiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".zip", ".jar", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz"}) {
            if (lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    private static boolean nestedArchiveContent(byte[] c) {
        return c.length >= 4 && ((c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4)
                || ((c[0] & 0xff) == 0x1f && (c[1] & 0xff) == 0x8b)
                || (c[0] == '7' && c[1] == 'z' && (c[2] & 0xff) == 0xbc)
                || (c[0] == 'R' && c[1] == 'a' && c[2] == 'r' && c[3] == '!'));
    }

    private List<Document> subset(String folder, byte[] metadata, Map<String, byte[]> entries,
                                  Map<String, String> byUpperName) {
        Element root = parseMetadata(folder, metadata);
        List<Document> documents = new ArrayList<>();
        NodeList objects = root.getElementsByTagNameNS(RIM, "ExtrinsicObject");
        for (int i = 0; i < objects.getLength(); i++) {
            Element object = (Element) objects.item(i);
            String uri = slot(object, "URI");
            if (uri == null || uri.isBlank()) {
                throw new XdmException("METADATA.XML de " + folder + " : document sans Slot URI.");
            }
            String relative = checkedName(uri.strip());
            String name = byUpperName.get((folder + relative).toUpperCase(Locale.ROOT));
            if (name == null) {
                throw new XdmException("METADATA.XML de " + folder + " décrit « " + printable(relative)
                        + " », absent de l'archive.");
            }
            documents.add(new Document(name, entries.get(name), object.getAttribute("mimeType"), uniqueId(object),
                    slot(object, "action"), title(object)));
        }
        return documents;
    }

    private static Element parseMetadata(String folder, byte[] metadata) {
        try {
            org.w3c.dom.Document dom = SecureXml.documentBuilder().parse(new ByteArrayInputStream(metadata));
            return dom.getDocumentElement();
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw new XdmException(message.contains("DOCTYPE")
                    ? "METADATA.XML de " + folder + " refusé : DOCTYPE et entités XML interdits."
                    : "METADATA.XML de " + folder + " illisible (ligne " + e.getLineNumber() + ") : " + message, e);
        } catch (SAXException | IOException e) {
            throw new XdmException("METADATA.XML de " + folder + " illisible : " + e.getMessage(), e);
        }
    }

    private static String slot(Element object, String name) {
        for (Node n = object.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element slot && "Slot".equals(slot.getLocalName()) && name.equals(slot.getAttribute("name"))) {
                NodeList values = slot.getElementsByTagNameNS(RIM, "Value");
                return values.getLength() == 0 ? null : values.item(0).getTextContent().strip();
            }
        }
        return null;
    }

    private static String uniqueId(Element object) {
        for (Node n = object.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element id && "ExternalIdentifier".equals(id.getLocalName())
                    && DOC_UNIQUE_ID.equals(id.getAttribute("identificationScheme"))) {
                return id.getAttribute("value");
            }
        }
        return null;
    }

    private static String title(Element object) {
        for (Node n = object.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element name && "Name".equals(name.getLocalName())) {
                NodeList strings = name.getElementsByTagNameNS(RIM, "LocalizedString");
                return strings.getLength() == 0 ? null : ((Element) strings.item(0)).getAttribute("value");
            }
        }
        return null;
    }

    private static String printable(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes >> 20);
    }

    /** Counts the compressed bytes the inflater has consumed. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
