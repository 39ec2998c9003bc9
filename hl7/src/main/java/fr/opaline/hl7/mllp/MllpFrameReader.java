package fr.opaline.hl7.mllp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Reads MLLP frames: {@code <VT> message <FS><CR>}. A frame larger than the limit is read to its
 * end and discarded (only its head is kept, to answer it); bytes outside a frame are skipped, but
 * a peer that sends more than a few KB of them is not speaking MLLP and the reader gives up.
 *
 * <p>With a {@link MllpMemory}, a frame holds at most its head ({@link #HEAD} bytes) of memory of
 * its own; beyond that it grows within the listener's global budget, and is spooled to a file
 * when the budget is taken. Once past its head, a frame is {@linkplain #MllpFrameReader(InputStream,
 * int, MllpMemory, Predicate, Runnable) screened}: one that will be refused anyway is read to its
 * end and dropped.
 */
public final class MllpFrameReader {

    public static final int START = 0x0B;
    public static final int END = 0x1C;
    public static final int CR = 0x0D;
    /** What is kept of an oversized or screened-out frame: enough for its MSH segment. */
    public static final int OVERSIZE_HEAD = 64 * 1024;
    /** What each frame may hold in memory outside the global budget. */
    public static final int HEAD = OVERSIZE_HEAD;
    private static final int CHUNK = 64 * 1024;
    private static final int MAX_JUNK = 4096;

    private final InputStream in;
    private final int maxBytes;
    private final MllpMemory memory;
    private final Predicate<byte[]> wantsBody;
    private final Runnable onStart;

    /** Frames held wholly in memory (an MLLP client reading bounded answers). */
    public MllpFrameReader(InputStream in, int maxBytes) {
        this(in, maxBytes, null, head -> true, () -> { });
    }

    /**
     * @param memory    the listener's budget (null: everything in memory)
     * @param wantsBody asked once a frame is past its head: false drops the rest
     * @param onStart   called when a frame begins (the listener starts the message's deadline)
     */
    public MllpFrameReader(InputStream in, int maxBytes, MllpMemory memory, Predicate<byte[]> wantsBody,
                           Runnable onStart) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.memory = memory;
        this.wantsBody = wantsBody;
        this.onStart = onStart;
    }

    /**
     * One received frame. {@code oversized} frames and {@code dropped} ones (screened out) carry only
     * their head. Close it once answered: a spooled frame's file is deleted and its memory given back.
     */
    public static final class Frame implements AutoCloseable {
        private final byte[] head;
        private final Path spooled;
        private final boolean oversized;
        private final boolean dropped;
        private final long size;
        private final Runnable release;

        public Frame(byte[] content, boolean oversized, long size) {
            this(content, null, oversized, false, size, () -> { });
        }

        Frame(byte[] head, Path spooled, boolean oversized, boolean dropped, long size, Runnable release) {
            this.head = head;
            this.spooled = spooled;
            this.oversized = oversized;
            this.dropped = dropped;
            this.size = size;
            this.release = release;
        }

        /** The whole message (read from its spool file if it was spooled); only the head when not kept. */
        public byte[] content() {
            if (spooled == null) {
                return head;
            }
            try {
                return Files.readAllBytes(spooled);
            } catch (IOException e) {
                throw new UncheckedIOException("Trame MLLP mise en attente illisible : " + e.getMessage(), e);
            }
        }

        /** The first bytes, enough for the MSH segment, without reading a spooled file. */
        public byte[] head() {
            return head.length <= HEAD ? head : Arrays.copyOf(head, HEAD);
        }

        public boolean oversized() {
            return oversized;
        }

        /** Screened out once past its head: only the head was kept. */
        public boolean dropped() {
            return dropped;
        }

        public boolean spooled() {
            return spooled != null;
        }

        public long size() {
            return size;
        }

        @Override
        public void close() {
            release.run();
            if (spooled != null) {
                try {
                    Files.deleteIfExists(spooled);
                } catch (IOException ignored) {
                    spooled.toFile().deleteOnExit();
                }
            }
        }
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
        onStart.run();
        Receiving r = new Receiving();
        try {
            Frame frame = r.receive();
            r = null;
            return frame;
        } finally {
            if (r != null) {
                r.abandon();
            }
        }
    }

    /** One frame being received: in memory, then maybe spooled; given back on failure. */
    private final class Receiving {
        byte[] buf = new byte[8192];
        int len;
        long reserved;
        long size;
        boolean keep = true;
        boolean screened;
        Path file;
        OutputStream spool;

        Frame receive() throws IOException {
            while (true) {
                int b = in.read();
                if (b == -1) {
                    throw new MllpProtocolException("Connexion fermée au milieu d'une trame MLLP (" + size + " octets reçus).");
                }
                if (b == END) {
                    int next = in.read();
                    if (next != CR) {
                        throw new MllpProtocolException("Fin de trame MLLP invalide (0x1C sans 0x0D).");
                    }
                    return finish();
                }
                if (b == START && size > 0) {
                    throw new MllpProtocolException("Nouvelle trame MLLP commencée avant la fin de la précédente.");
                }
                size++;
                if (!keep) {
                    continue;
                }
                if (size > maxBytes) {
                    // Keep only the head of an oversized frame; the rest is read and dropped.
                    dropBody();
                    continue;
                }
                if (!screened && size > HEAD) {
                    screened = true;
                    if (!wantsBody.test(Arrays.copyOf(buf, len))) {
                        dropBody();
                        continue;
                    }
                }
                if (spool != null) {
                    spool.write(b);
                } else {
                    if (len == buf.length && !grow()) {
                        spill();
                        spool.write(b);
                        continue;
                    }
                    buf[len++] = (byte) b;
                }
            }
        }

        private boolean grow() {
            int wanted = len < HEAD ? Math.min(HEAD, len * 2) : len + CHUNK;
            if (len >= HEAD) {
                if (memory == null) {
                    wanted = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(wanted, (long) len * 2));
                } else if (memory.tryReserve(wanted - len)) {
                    reserved += wanted - len;
                } else {
                    return false;
                }
            }
            buf = Arrays.copyOf(buf, wanted);
            return true;
        }

        private void spill() throws IOException {
            file = memory.newSpoolFile();
            spool = new BufferedOutputStream(Files.newOutputStream(file), CHUNK);
            spool.write(buf, 0, len);
            buf = Arrays.copyOf(buf, Math.min(len, HEAD));
            len = buf.length;
            giveBack();
        }

        private void dropBody() throws IOException {
            keep = false;
            buf = Arrays.copyOf(buf, Math.min(len, HEAD));
            len = buf.length;
            giveBack();
            closeSpool(true);
        }

        private Frame finish() throws IOException {
            boolean oversized = size > maxBytes;
            boolean dropped = !keep && !oversized;
            byte[] head = len == buf.length ? buf : Arrays.copyOf(buf, len);
            if (spool != null) {
                spool.close();
                spool = null;
                return new Frame(head, file, false, false, size, () -> { });
            }
            long held = reserved;
            reserved = 0;
            return new Frame(head, null, oversized, dropped, size, () -> {
                if (held > 0) {
                    memory.release(held);
                }
            });
        }

        private void giveBack() {
            if (reserved > 0) {
                memory.release(reserved);
                reserved = 0;
            }
        }

        private void closeSpool(boolean delete) throws IOException {
            if (spool != null) {
                spool.close();
                spool = null;
            }
            if (delete && file != null) {
                Files.deleteIfExists(file);
                file = null;
            }
        }

        void abandon() {
            giveBack();
            try {
                closeSpool(true);
            } catch (IOException ignored) {
                // the file goes with the spool directory
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
