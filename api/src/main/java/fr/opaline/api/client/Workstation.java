package fr.opaline.api.client;

import fr.opaline.platform.tls.TlsIdentity;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The workstation's own key: an EC key pair and a self-signed certificate made at the first
 * connection in {@code <home>/workstation/} (files readable by the user only), presented as the TLS
 * client certificate on every call. The server binds each session to it: a session handle copied
 * to another machine is refused there.
 */
public final class Workstation {

    private Workstation() {
    }

    public static TlsIdentity key(Path home) {
        Path directory = home.resolve("workstation");
        return TlsIdentity.loadOrCreate(directory.resolve("workstation.p12"), directory.resolve("workstation.pass"),
                "Poste Opaline " + hostName(), TlsIdentity.Usage.CLIENT, Duration.ofDays(10 * 365));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "inconnu";
        }
    }
}
