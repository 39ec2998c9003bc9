package fr.opaline.platform.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS material read and built once for every module: PKCS#12 key stores, trust stores from a
 * PKCS#12 file or PEM certificates, and the {@link SSLContext} made of them.
 */
public final class KeyStores {

    private KeyStores() {
    }

    /** Reads a PKCS#12 file. */
    public static KeyStore readPkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    /**
     * The authorities to trust, told apart by content: a PEM file of one or more certificates, a
     * key store (PKCS#12, or JKS which the JDK's PKCS#12 type also reads), or a DER certificate.
     */
    public static KeyStore readTrustStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pem = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII)
                .contains("-----BEGIN");
        Exception notAStore = null;
        if (!pem && content.length > 0) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(new ByteArrayInputStream(content), password == null ? new char[0] : password);
                return store;
            } catch (IOException | GeneralSecurityException e) {
                if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                    throw e;
                }
                notAStore = e;
            }
        }
        Collection<X509Certificate> certificates;
        try {
            certificates = Pem.readCertificates(new ByteArrayInputStream(content));
        } catch (GeneralSecurityException e) {
            if (notAStore != null) {
                e.addSuppressed(notAStore);
            }
            throw e;
        }
        if (certificates.isEmpty()) {
            throw new IOException("aucun certificat dans " + file);
        }
        return trustStore(certificates);
    }

    /** An in-memory trust store of these certificates. */
    public static KeyStore trustStore(Collection<X509Certificate> certificates) throws GeneralSecurityException {
        KeyStore trust = empty();
        int i = 0;
        for (X509Certificate certificate : certificates) {
            trust.setCertificateEntry("ac-" + i++, certificate);
        }
        return trust;
    }

    /** An in-memory PKCS#12 holding one private key and its chain (leaf first). */
    public static KeyStore keyStore(String alias, PrivateKey key, char[] password, X509Certificate... chain)
            throws GeneralSecurityException {
        KeyStore store = empty();
        store.setKeyEntry(alias, key, password, chain);
        return store;
    }

    /** Writes a key store as PKCS#12. */
    public static void write(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    /** The first private key entry's alias, or null when the store holds none. */
    public static String firstKeyAlias(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return alias;
            }
        }
        return null;
    }

    /** The chain of the entry {@code alias}, as X.509 certificates (leaf first). */
    public static X509Certificate[] chain(KeyStore store, String alias) throws GeneralSecurityException {
        Certificate[] chain = store.getCertificateChain(alias);
        X509Certificate[] x509 = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            x509[i] = (X509Certificate) chain[i];
        }
        return x509;
    }

    /**
     * A TLS context presenting the certificate of {@code keys} (none when null) and trusting the
     * authorities of {@code trust} (the JDK's default roots when null).
     */
    public static SSLContext sslContext(KeyStore keys, char[] password, KeyStore trust)
            throws GeneralSecurityException {
        KeyManager[] keyManagers = null;
        if (keys != null) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            keyManagers = kmf.getKeyManagers();
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        TrustManager[] trustManagers = tmf.getTrustManagers();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers, trustManagers, null);
        return context;
    }

    /**
     * A client TLS context from files: {@code keyStore} (PKCS#12, our certificate; none when null)
     * and {@code trustStore} (see {@link #readTrustStore}; the JDK's roots when null).
     */
    public static SSLContext sslContext(Path keyStore, char[] password, Path trustStore, char[] trustPassword)
            throws IOException, GeneralSecurityException {
        return sslContext(keyStore == null ? null : readPkcs12(keyStore, password), password,
                trustStore == null ? null : readTrustStore(trustStore, trustPassword));
    }

    private static KeyStore empty() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }
}
