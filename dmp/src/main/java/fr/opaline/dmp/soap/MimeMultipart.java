package fr.opaline.dmp.soap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * MTOM/XOP packaging (multipart/related) of the XDS.b messages that carry documents: ITI-41
 * requests and ITI-43 responses. The root part is the SOAP envelope ({@code application/xop+xml}),
 * each document a binary part named by its Content-ID and referenced by {@code xop:Include}.
 */
public final class MimeMultipart {

    public static final String ROOT_ID = "root.message@opaline.fr";
    private static final int MAX_PARTS = 100;

    /** One MIME part: its Content-ID (without angle brackets), type and bytes. */
    public record Part(String contentId, String contentType, byte[] content) {
    }

    /** An encoded multipart body with the Content-Type header that goes with it. */
    public record Encoded(String contentType, byte[] body) {
    }

    private MimeMultipart() {
    }

    /** A content id for an attachment, unique in the message and safe in a cid: URL. */
    public static String newContentId(int index) {
        return "part" + index + "." + UUID.randomUUID().toString().replace("-", "") + "@opaline.fr";
    }

    /** Encodes the SOAP envelope as the XOP root part followed by the attachments. */
    public static Encoded write(byte[] envelope, String action, List<Part> attachments) {
        String boundary = "MIMEBoundary_" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream(envelope.length + 4096);
        writePart(out, boundary, new Part(ROOT_ID,
                "application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"; action=\"" + action + "\"", envelope));
        for (Part part : attachments) {
            writePart(out, boundary, part);
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String contentType = "multipart/related; boundary=\"" + boundary + "\"; type=\"application/xop+xml\"; start=\"<"
                + ROOT_ID + ">\"; start-info=\"application/soap+xml\"; action=\"" + action + "\"";
        return new Encoded(contentType, out.toByteArray());
    }

    private static void writePart(ByteArrayOutputStream out, String boundary, Part part) {
        String head = "--" + boundary + "\r\n"
                + "Content-Type: " + part.contentType() + "\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <" + part.contentId() + ">\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(part.content());
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related");
    }

    /**
     * Splits a multipart/related body into its parts, the root (the {@code start} part, else the
     * first) first. Refuses a body without its boundary, an unterminated part or too many parts.
     */
    public static List<Part> read(String contentType, byte[] body) throws SoapException {
        Map<String, String> params = parameters(contentType);
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new SoapException("Message multipart sans délimiteur (boundary).");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw new SoapException("Délimiteur MIME introuvable dans le message.");
        }
        while (true) {
            int afterDelimiter = pos + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                break;
            }
            int headerStart = skipLineEnd(body, afterDelimiter);
            int next = indexOf(body, delimiter, headerStart);
            if (next < 0) {
                throw new SoapException("Partie MIME non terminée.");
            }
            int headerEnd = headerEnd(body, headerStart, next);
            if (headerEnd < 0) {
                throw new SoapException("En-têtes de partie MIME mal formés.");
            }
            Map<String, String> headers = headers(new String(body, headerStart, headerEnd - headerStart,
                    StandardCharsets.ISO_8859_1));
            int contentStart = skipLineEnd(body, headerEnd);
            int contentEnd = next;
            if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
                contentEnd -= 2;
            } else if (contentEnd >= 1 && body[contentEnd - 1] == '\n') {
                contentEnd -= 1;
            }
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, Math.max(contentStart, contentEnd));
            String id = headers.getOrDefault("content-id", "");
            id = id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
            parts.add(new Part(id, headers.getOrDefault("content-type", "application/octet-stream"), content));
            if (parts.size() > MAX_PARTS) {
                throw new SoapException("Trop de parties MIME dans le message.");
            }
            pos = next;
        }
        if (parts.isEmpty()) {
            throw new SoapException("Message multipart vide.");
        }
        String start = params.get("start");
        if (start != null) {
            String rootId = start.startsWith("<") && start.endsWith(">") ? start.substring(1, start.length() - 1) : start;
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).contentId().equals(rootId)) {
                    parts.add(0, parts.remove(i));
                    break;
                }
            }
        }
        return parts;
    }

    /** The part referenced by an {@code xop:Include href="cid:…"}, or null. */
    public static Part byHref(List<Part> parts, String href) {
        if (href == null || !href.startsWith("cid:")) {
            return null;
        }
        String id = java.net.URLDecoder.decode(href.substring(4), StandardCharsets.UTF_8);
        for (Part p : parts) {
            if (p.contentId().equals(id)) {
                return p;
            }
        }
        return null;
    }

    static Map<String, String> parameters(String contentType) {
        Map<String, String> params = new LinkedHashMap<>();
        if (contentType == null) {
            return params;
        }
        for (String piece : splitParameters(contentType)) {
            int eq = piece.indexOf('=');
            if (eq > 0) {
                String value = piece.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                params.put(piece.substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
            }
        }
        return params;
    }

    private static List<String> splitParameters(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString().trim());
        return out;
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** Index of the line end that ends the headers (the empty line), or -1. */
    private static int headerEnd(byte[] body, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (body[i] == '\n') {
                int j = i + 1;
                if (j < limit && body[j] == '\r') {
                    j++;
                }
                if (j < limit && body[j] == '\n') {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int skipLineEnd(byte[] body, int pos) {
        if (pos < body.length && body[pos] == '\r') {
            pos++;
        }
        if (pos < body.length && body[pos] == '\n') {
            pos++;
        }
        return pos;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
