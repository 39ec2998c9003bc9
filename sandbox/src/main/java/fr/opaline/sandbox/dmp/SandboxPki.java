package fr.opaline.sandbox.dmp;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for the sandbox DMP, made when it starts (never stored in the repository): a
 * test authority "IGC Santé TEST", the DMP's server certificate for the loopback names, and a
 * practice certificate (personne morale) carrying the structure's identifier. RSA 2048, SHA-256.
 */
public final class SandboxPki {

    public static final String PASSWORD = "sandbox";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X500Name caName;
    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final KeyPair serverKeys;
    private final X509Certificate server;
    private final KeyPair practiceKeys;
    private final X509Certificate practice;

    private SandboxPki(X500Name caName, KeyPair caKeys, X509Certificate ca, KeyPair serverKeys, X509Certificate server,
                       KeyPair practiceKeys, X509Certificate practice) {
        this.caName = caName;
        this.caKeys = caKeys;
        this.ca = ca;
        this.serverKeys = serverKeys;
        this.server = server;
        this.practiceKeys = practiceKeys;
        this.practice = practice;
    }

    /** A new PKI; {@code structureId} is the practice's IDNST (e.g. 1 + FINESS) put in its certificate. */
    public static SandboxPki generate(String structureId) {
        try {
            KeyPair caKeys = rsa();
            X500Name caName = new X500Name("CN=IGC Santé TEST (bac à sable Opaline),O=Opaline,C=FR");
            X509Certificate ca = issue(caName, caKeys, caName, caKeys, true, null, Duration.ofDays(3650));
            KeyPair serverKeys = rsa();
            X509Certificate server = issue(caName, caKeys, new X500Name("CN=localhost,O=DMP bac à sable,C=FR"),
                    serverKeys, false, KeyPurposeId.id_kp_serverAuth, Duration.ofDays(825));
            KeyPair practiceKeys = rsa();
            X509Certificate practice = issue(caName, caKeys, new X500Name("CN=" + structureId
                            + ",OU=" + structureId + ",O=Cabinet de radiologie (bac à sable),C=FR"),
                    practiceKeys, false, KeyPurposeId.id_kp_clientAuth, Duration.ofDays(825));
            return new SandboxPki(caName, caKeys, ca, serverKeys, server, practiceKeys, practice);
        } catch (Exception e) {
            throw new IllegalStateException("Génération des certificats du bac à sable DMP impossible", e);
        }
    }

    public X509Certificate authority() {
        return ca;
    }

    public X509Certificate practiceCertificate() {
        return practice;
    }

    /** Another practice certificate from the same authority (tests of a foreign or forged caller). */
    public KeyStore otherPractice(String structureId) throws GeneralSecurityException, IOException {
        try {
            KeyPair keys = rsa();
            X509Certificate cert = issue(caName, caKeys,
                    new X500Name("CN=" + structureId + ",OU=" + structureId + ",O=Autre structure,C=FR"), keys, false,
                    KeyPurposeId.id_kp_clientAuth, Duration.ofDays(30));
            return keyStore("practice", keys, cert);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** The server side: its certificate, and the authority it accepts client certificates from. */
    public SSLContext serverContext() throws GeneralSecurityException, IOException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore("server", serverKeys, server), PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    public KeyStore practiceKeyStore() throws GeneralSecurityException, IOException {
        return keyStore("practice", practiceKeys, practice);
    }

    public KeyStore trustStore() throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("igc-sante-test", ca);
        return trust;
    }

    /** Writes the practice's PKCS#12 and the trust store (password {@value #PASSWORD}) into {@code directory}. */
    public void writeClientFiles(Path directory, String keyStoreName, String trustStoreName)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        store(practiceKeyStore(), directory.resolve(keyStoreName));
        store(trustStore(), directory.resolve(trustStoreName));
    }

    private static void store(KeyStore keyStore, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, PASSWORD.toCharArray());
        }
    }

    private KeyStore keyStore(String alias, KeyPair keys, X509Certificate cert) throws GeneralSecurityException,
            IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, keys.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {cert, ca});
        return store;
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate issue(X500Name issuer, KeyPair issuerKeys, X500Name subject, KeyPair subjectKeys,
                                         boolean authority, KeyPurposeId purpose, Duration validity)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        if (authority) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (purpose == KeyPurposeId.id_kp_serverAuth) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            }
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
