package fr.opaline.platform.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust managers without a certificate authority. {@link #server} accepts exactly one server
 * certificate, known by its SHA-256 fingerprint (how a workstation trusts the practice server);
 * {@link #anyClient} accepts any client certificate whose key the client proved it holds (the
 * server binds sessions to the certificate's fingerprint, it does not vouch for who made it).
 */
public final class PinnedTrust {

    private PinnedTrust() {
    }

    /** "AB:CD:…" or plain hex of 32 bytes, upper-case without separators; IllegalArgumentException otherwise. */
    public static String normalise(String fingerprint) {
        String hex = fingerprint == null ? "" : fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("Empreinte SHA-256 invalide : " + fingerprint);
        }
        return hex;
    }

    public static X509ExtendedTrustManager server(String sha256Fingerprint) {
        String expected = normalise(sha256Fingerprint);
        return new Manager() {
            @Override
            void checkServer(X509Certificate[] chain) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("aucun certificat présenté");
                }
                String actual = TlsIdentity.fingerprint(chain[0]);
                if (!actual.equals(expected)) {
                    throw new CertificateException("certificat du serveur du cabinet inattendu (empreinte " + actual + ")");
                }
                chain[0].checkValidity();
            }
        };
    }

    public static X509ExtendedTrustManager anyClient() {
        return new Manager() {
            @Override
            void checkClient(X509Certificate[] chain) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("aucun certificat présenté");
                }
                chain[0].checkValidity();
            }
        };
    }

    private abstract static class Manager extends X509ExtendedTrustManager {
        void checkServer(X509Certificate[] chain) throws CertificateException {
            throw new CertificateException("pas de certificat serveur ici");
        }

        void checkClient(X509Certificate[] chain) throws CertificateException {
            throw new CertificateException("pas de certificat client ici");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServer(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkClient(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClient(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClient(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
