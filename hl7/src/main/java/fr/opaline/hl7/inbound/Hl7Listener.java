package fr.opaline.hl7.inbound;

import fr.opaline.core.lifecycle.ManagedService;
import fr.opaline.hl7.mllp.MllpServer;
import fr.opaline.hl7.mllp.MllpServerSettings;
import java.time.Duration;

/** The practice server's MLLP listener (PFI, teleradiology, PAM feeds), as a managed service. */
public final class Hl7Listener implements ManagedService {

    private final MllpServer server;

    public Hl7Listener(String name, MllpServerSettings settings, Hl7Receiver receiver) {
        this.server = new MllpServer(name, settings, receiver);
    }

    @Override
    public String name() {
        return "Écoute HL7 (MLLP)";
    }

    @Override
    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void stop(Duration grace) {
        server.stop(grace);
    }
}
