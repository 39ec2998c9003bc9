package fr.opaline.hl7.mllp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input with a deadline that bytes do not push back: each read waits only for what
 * is left of it, so a peer trickling one byte at a time is cut off when the deadline passes.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private long deadline = Long.MAX_VALUE;
    private Duration armed = Duration.ZERO;

    DeadlineInputStream(InputStream in, Socket socket) {
        super(in);
        this.socket = socket;
    }

    /** From now, everything until the next call must arrive within {@code d}. */
    void deadline(Duration d) {
        armed = d;
        deadline = System.nanoTime() + d.toNanos();
    }

    Duration armed() {
        return armed;
    }

    private void arm() throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new SocketTimeoutException("délai dépassé");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, remaining / 1_000_000)));
    }

    @Override
    public int read() throws IOException {
        arm();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return super.read(b, off, len);
    }
}
