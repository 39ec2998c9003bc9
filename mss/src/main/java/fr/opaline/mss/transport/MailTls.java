package fr.opaline.mss.transport;

import fr.opaline.platform.tls.KeyStores;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS side of a connection to the operator: the operator's certificate is accepted only when it
 * chains to the configured authorities (in production the IGC Santé ones, never the JVM's default
 * list: SC.MSS/CONF "only IGC Santé"), and, for the BAL applicative, the practice presents its
 * IGC Santé organisation certificate (PKCS#12).
 */
public final class MailTls {

    private final SSLContext context;
    private final boolean clientCertificate;

    private MailTls(SSLContext context, boolean clientCertificate) {
        this.context = context;
        this.clientCertificate = clientCertificate;
    }

    /**
     * @param trustedAuthorities PEM file (one or more certificates) or PKCS#12 trust store
     * @param keyStore           PKCS#12 with the client certificate and key, or null
     */
    public static MailTls of(Path trustedAuthorities, Path keyStore, char[] keyStorePassword) {
        if (trustedAuthorities == null) {
            throw new IllegalArgumentException("autorités de confiance non configurées (certificats IGC Santé)");
        }
        try {
            return new MailTls(KeyStores.sslContext(keyStore, keyStorePassword, trustedAuthorities, new char[0]),
                    keyStore != null);
        } catch (IOException e) {
            throw new IllegalArgumentException("certificat illisible : " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("certificat ou mot de passe refusé : " + e.getMessage(), e);
        }
    }

    public SSLSocketFactory socketFactory() {
        return context.getSocketFactory();
    }

    public boolean presentsClientCertificate() {
        return clientCertificate;
    }
}
