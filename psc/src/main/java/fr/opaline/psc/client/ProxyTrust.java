package fr.opaline.psc.client;

import fr.opaline.platform.tls.PinnedTrust;
import fr.opaline.platform.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * How a workstation trusts the practice server: it accepts exactly one certificate, the one the
 * server generated or imported, identified by its SHA-256 fingerprint (given in the configuration,
 * or read from the server's exported PEM file). No certificate authority, no host-name guessing:
 * a LAN address or a DHCP change does not matter, a different certificate is refused. The pinning
 * itself is platform's {@link PinnedTrust}, shared with the application API's client.
 */
public final class ProxyTrust {

    private final String fingerprint;

    private ProxyTrust(String fingerprint) {
        this.fingerprint = PinnedTrust.normalise(fingerprint);
    }

    /** "AB:CD:…" or plain hex, 32 bytes. */
    public static ProxyTrust pinned(String sha256Fingerprint) {
        return new ProxyTrust(sha256Fingerprint);
    }

    public static ProxyTrust pinned(X509Certificate certificate) {
        return new ProxyTrust(TlsIdentity.fingerprint(certificate));
    }

    /** The certificate the server exported ({@code proxy-tls.crt}). */
    public static ProxyTrust fromPemFile(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return pinned((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Certificat du serveur du cabinet illisible : " + pem, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Certificat du serveur du cabinet invalide : " + pem, e);
        }
    }

    public String fingerprint() {
        return fingerprint;
    }

    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {PinnedTrust.server(fingerprint)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
