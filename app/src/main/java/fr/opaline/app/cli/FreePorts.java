package fr.opaline.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Whether a TCP port can be listened on here, and a free one when it cannot. */
final class FreePorts {

    private FreePorts() {
    }

    /** True when nothing listens on the port (on any address). */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port the system says is free now. */
    static int any() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Aucun port libre sur ce poste", e);
        }
    }
}
