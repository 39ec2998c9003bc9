package fr.opaline.psc.client;

import fr.opaline.platform.tls.Certificates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How a workstation trusts the practice server: it accepts exactly one certificate, the one the
 * server generated or imported, identified by its SHA-256 fingerprint (given in the configuration,
 * or read from the server's exported PEM file). No certificate authority, no host-name guessing:
 * a LAN address or a DHCP change does not matter, a different certificate is refused.
 */
public final class ProxyTrust {

    private final String fingerprint;

    private ProxyTrust(String fingerprint) {
        this.fingerprint = normalise(fingerprint);
        if (!this.fingerprint.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("Empreinte SHA-256 invalide : " + fingerprint);
        }
    }

    /** "AB:CD:…" or plain hex, 32 bytes. */
    public static ProxyTrust pinned(String sha256Fingerprint) {
        return new ProxyTrust(sha256Fingerprint);
    }

    public static ProxyTrust pinned(X509Certificate certificate) {
        return new ProxyTrust(fingerprintOf(certificate));
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
            context.init(null, new TrustManager[] {new Pinned()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fingerprintOf(X509Certificate certificate) {
        return normalise(Certificates.fingerprint(certificate));
    }

    private static String normalise(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Accepts the pinned certificate only, within its validity period. */
    private final class Pinned extends X509ExtendedTrustManager {
        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("aucun certificat présenté");
            }
            if (!fingerprintOf(chain[0]).equals(fingerprint)) {
                throw new CertificateException("certificat du serveur du cabinet inattendu (empreinte "
                        + fingerprintOf(chain[0]) + ")");
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("pas de certificat client ici");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("pas de certificat client ici");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("pas de certificat client ici");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
