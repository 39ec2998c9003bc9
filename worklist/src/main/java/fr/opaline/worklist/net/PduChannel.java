package fr.opaline.worklist.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads and writes whole PDUs on a socket. A read has a deadline for the whole PDU, not per
 * byte, so a peer trickling bytes cannot hold a connection past the timeout; a length beyond the
 * limit is refused before any byte of the body is read. A write in progress is visible to the
 * server's watchdog, which closes the socket of a peer that stopped reading.
 */
public final class PduChannel implements Closeable {

    /**
     * A-ASSOCIATE-RQ/AC are not bound by the maximum PDU length; this caps them. A modality's
     * request is a few kilobytes (even a storage SCU proposing a hundred contexts stays near
     * 20 KiB): 64 KiB bounds what a connection that has not even associated may make Opaline hold.
     */
    public static final int MAX_ASSOCIATE_PDU = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile long writeStartedNanos;

    public PduChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    public Socket socket() {
        return socket;
    }

    /**
     * The next PDU, within {@code timeout}. P-DATA-TF longer than {@code maxDataPdu} (0 = no
     * limit) and association PDUs longer than {@link #MAX_ASSOCIATE_PDU} are refused.
     *
     * @throws EOFException the peer closed the connection
     * @throws SocketTimeoutException nothing complete arrived in time
     */
    public Pdu read(Duration timeout, long maxDataPdu) throws IOException, PduFormatException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] header = new byte[6];
        readFully(header, deadline, true);
        int type = header[0] & 0xFF;
        long length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFFL) << 16) | ((header[4] & 0xFFL) << 8)
                | (header[5] & 0xFFL);
        if (type < Pdu.TYPE_ASSOCIATE_RQ || type > Pdu.TYPE_ABORT) {
            throw new PduFormatException(String.format("Type de PDU inconnu 0x%02X", type), Pdu.Abort.UNRECOGNIZED_PDU);
        }
        long limit = switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ, Pdu.TYPE_ASSOCIATE_AC -> MAX_ASSOCIATE_PDU;
            case Pdu.TYPE_P_DATA_TF -> maxDataPdu == 0 ? Integer.MAX_VALUE - 8 : maxDataPdu;
            default -> 4;
        };
        if (length > limit) {
            throw new PduFormatException("PDU de type " + type + " de " + length + " octets, limite " + limit,
                    Pdu.Abort.INVALID_PDU_PARAMETER_VALUE);
        }
        byte[] body = new byte[(int) length];
        readFully(body, deadline, false);
        return PduCodec.decode(type, body);
    }

    private void readFully(byte[] buffer, long deadline, boolean startOfPdu) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("Délai dépassé en lecture");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
            int n = in.read(buffer, done, buffer.length - done);
            if (n < 0) {
                throw new EOFException(startOfPdu && done == 0 ? "Connexion fermée par le pair"
                        : "Connexion fermée au milieu d'une PDU");
            }
            done += n;
        }
    }

    /** Whether bytes are waiting to be read (the start of a PDU, normally). */
    public boolean hasIncoming() throws IOException {
        return in.available() > 0;
    }

    public void write(Pdu pdu) throws IOException {
        writeRaw(PduCodec.encode(pdu));
        flush();
    }

    /** Queues bytes for sending; {@link #flush()} sends them. */
    public void writeRaw(byte[] bytes) throws IOException {
        writeStartedNanos = System.nanoTime() | 1;
        try {
            out.write(bytes);
        } finally {
            writeStartedNanos = 0;
        }
    }

    public void flush() throws IOException {
        writeStartedNanos = System.nanoTime() | 1;
        try {
            out.flush();
        } finally {
            writeStartedNanos = 0;
        }
    }

    /** How long the current write has been blocked, or 0 when no write is in progress. */
    public long writeBlockedNanos() {
        long started = writeStartedNanos;
        return started == 0 ? 0 : System.nanoTime() - started;
    }

    /**
     * Ends the connection the way PS3.8 wants after A-ASSOCIATE-RJ, A-RELEASE-RP or A-ABORT:
     * stop sending, let the peer close (so what was sent is not lost to a reset), and close
     * after {@code wait} at the latest.
     */
    public void closeAfterPeer(Duration wait) {
        try {
            out.flush();
            socket.shutdownOutput();
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] sink = new byte[512];
            while (true) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    break;
                }
                socket.setSoTimeout((int) remainingMillis);
                if (in.read(sink) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // the peer already went away: nothing left to wait for
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to do
        }
    }
}
