package fr.opaline.hl7.mllp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * Sends messages to one MLLP peer and waits for each answer. The connection is kept between
 * messages and opened again when the peer dropped it (a stale connection is detected at the first
 * write or read, and the message is sent once more on a fresh one — the peer never saw it, or
 * answers it again as a duplicate). Thread-safe: exchanges are serialised on the connection.
 */
public final class MllpClient implements AutoCloseable {

    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;

    private final MllpEndpoint endpoint;
    private Socket socket;
    private MllpFrameReader reader;
    private OutputStream out;

    public MllpClient(MllpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public MllpEndpoint endpoint() {
        return endpoint;
    }

    /** Sends one message and returns the peer's answer (the ACK bytes, without framing). */
    public synchronized byte[] exchange(byte[] message) throws IOException {
        boolean wasReused = socket != null;
        try {
            return attempt(message);
        } catch (IOException e) {
            closeConnection();
            if (!wasReused || e instanceof java.net.SocketTimeoutException) {
                throw e;
            }
            // The kept connection had been closed by the peer: one more try on a new one.
            return attempt(message);
        }
    }

    private byte[] attempt(byte[] message) throws IOException {
        connect();
        out.write(MllpFrameReader.frame(message));
        out.flush();
        MllpFrameReader.Frame answer = reader.read();
        if (answer == null) {
            throw new MllpProtocolException("Connexion fermée par " + endpoint + " sans acquittement.");
        }
        if (answer.oversized()) {
            throw new MllpProtocolException("Acquittement de " + endpoint + " trop volumineux.");
        }
        return answer.content();
    }

    private void connect() throws IOException {
        if (socket != null && !socket.isClosed()) {
            return;
        }
        Socket s = endpoint.tls() != null ? endpoint.tls().getSocketFactory().createSocket() : new Socket();
        try {
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) endpoint.connectTimeout().toMillis());
            s.setSoTimeout((int) endpoint.readTimeout().toMillis());
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            if (s instanceof SSLSocket tls) {
                tls.startHandshake();
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        reader = new MllpFrameReader(new BufferedInputStream(s.getInputStream(), 16384), MAX_ANSWER_BYTES);
        out = s.getOutputStream();
    }

    private void closeConnection() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
        socket = null;
        reader = null;
        out = null;
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }
}
