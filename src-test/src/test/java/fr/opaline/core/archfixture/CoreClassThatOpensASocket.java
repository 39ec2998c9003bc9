package fr.opaline.core.archfixture;

import fr.opaline.app.OpalineVersion;
import java.io.IOException;
import java.net.Socket;

/** Deliberately breaks the module rules, to prove they can fail. Test code only. */
public final class CoreClassThatOpensASocket {

    private CoreClassThatOpensASocket() {
    }

    static String offend() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 1)) {
            return OpalineVersion.version() + socket;
        }
    }
}
