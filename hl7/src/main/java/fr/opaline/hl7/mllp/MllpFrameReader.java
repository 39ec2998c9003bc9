package fr.opaline.hl7.mllp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads MLLP frames: {@code <VT> message <FS><CR>}. A frame larger than the limit is read to its
 * end and discarded (only its head is kept, to answer it); bytes outside a frame are skipped, but
 * a peer that sends more than a few KB of them is not speaking MLLP and the reader gives up.
 */
public final class MllpFrameReader {

    public static final int START = 0x0B;
    public static final int END = 0x1C;
    public static final int CR = 0x0D;
    /** What is kept of an oversized frame: enough for its MSH segment. */
    public static final int OVERSIZE_HEAD = 64 * 1024;
    private static final int MAX_JUNK = 4096;

    private final InputStream in;
    private final int maxBytes;

    public MllpFrameReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** One received frame; {@code oversized} frames carry only their head. */
    public record Frame(byte[] content, boolean oversized, long size) {
    }

    /**
     * The next frame, or null when the peer closed the connection between frames.
     *
     * @throws MllpProtocolException the stream is not MLLP, or was cut in the middle of a frame
     */
    public Frame read() throws IOException {
        int junk = 0;
        int b;
        while ((b = in.read()) != START) {
            if (b == -1) {
                return null;
            }
            if (b != CR && b != '\n' && ++junk > MAX_JUNK) {
                throw new MllpProtocolException("Flux reçu sans trame MLLP (octet de début 0x0B absent).");
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(8192);
        long size = 0;
        while (true) {
            b = in.read();
            if (b == -1) {
                throw new MllpProtocolException("Connexion fermée au milieu d'une trame MLLP (" + size + " octets reçus).");
            }
            if (b == END) {
                int next = in.read();
                if (next != CR) {
                    throw new MllpProtocolException("Fin de trame MLLP invalide (0x1C sans 0x0D).");
                }
                boolean oversized = size > maxBytes;
                return new Frame(content.toByteArray(), oversized, size);
            }
            if (b == START && size > 0) {
                throw new MllpProtocolException("Nouvelle trame MLLP commencée avant la fin de la précédente.");
            }
            size++;
            if (size <= maxBytes) {
                content.write(b);
            } else if (size == (long) maxBytes + 1) {
                // Keep only the head of an oversized frame; the rest is read and dropped.
                byte[] head = content.toByteArray();
                content = new ByteArrayOutputStream(OVERSIZE_HEAD);
                content.write(head, 0, Math.min(head.length, OVERSIZE_HEAD));
            }
        }
    }

    /** The MLLP envelope around a message. */
    public static byte[] frame(byte[] message) {
        byte[] framed = new byte[message.length + 3];
        framed[0] = START;
        System.arraycopy(message, 0, framed, 1, message.length);
        framed[framed.length - 2] = END;
        framed[framed.length - 1] = CR;
        return framed;
    }
}
