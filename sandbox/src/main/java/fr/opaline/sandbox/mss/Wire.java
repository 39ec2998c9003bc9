package fr.opaline.sandbox.mss;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One side of a proxied mail connection: CRLF lines in and out, then raw bytes. */
final class Wire {

    static final int MAX_LINE = 64 * 1024;

    private final Socket socket;
    private final BufferedInputStream in;
    private final OutputStream out;

    Wire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = socket.getOutputStream();
    }

    /** A line without its CRLF, or null at end of stream; refused when longer than {@link #MAX_LINE}. */
    String readLine() throws IOException {
        byte[] bytes = readRawLine();
        if (bytes == null) {
            return null;
        }
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** A line with its line ending, or null at end of stream. */
    byte[] readRawLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
            if (line.size() > MAX_LINE) {
                throw new IOException("ligne trop longue");
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    void writeLine(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    void flush() throws IOException {
        out.flush();
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Copies bytes both ways until either side closes. */
    static void pipe(Wire a, Wire b) {
        Thread back = new Thread(() -> copy(b, a), "sandbox-mss-pipe");
        back.setDaemon(true);
        back.start();
        copy(a, b);
        try {
            back.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Wire from, Wire to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = from.in.read(buffer)) >= 0) {
                to.out.write(buffer, 0, n);
                to.out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            from.close();
            to.close();
        }
    }
}
