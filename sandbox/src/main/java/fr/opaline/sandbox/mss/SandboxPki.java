package fr.opaline.sandbox.mss;

import fr.opaline.platform.tls.Pem;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's fictitious certificate authority, standing in for the IGC Santé: it signs the
 * operator's server certificate (localhost, 127.0.0.1) and the organisation certificate of each
 * BAL applicative (the mailbox address as rfc822Name), which the sandbox operator requires in the
 * TLS handshake before it accepts SASL EXTERNAL.
 */
public final class SandboxPki {

    public static final String AUTHORITY_NAME = "CN=AC fictive bac a sable MSSante Opaline,O=Opaline (fictif),C=FR";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final KeyPair serverKeys;
    private final X509Certificate server;

    public SandboxPki() {
        try {
            caKeys = keyPair();
            Instant now = Instant.now();
            X500Name caName = new X500Name(AUTHORITY_NAME);
            X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), caName,
                    caKeys.getPublic());
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            ca = sign(caBuilder, caKeys.getPrivate());
            serverKeys = keyPair();
            server = issue("CN=localhost,O=Operateur MSSante fictif,C=FR", serverKeys, KeyPurposeId.id_kp_serverAuth,
                    new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Certificats du bac à sable MSSanté : " + e.getMessage(), e);
        }
    }

    public X509Certificate authority() {
        return ca;
    }

    /** The server side of the operator's TLS: its certificate, and client certificates checked against the sandbox authority. */
    SSLContext serverContext() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            char[] password = "sandbox".toCharArray();
            keys.setKeyEntry("server", serverKeys.getPrivate(), password, new X509Certificate[] {server, ca});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the authority as PEM (what the practice configures as {@code mss.truststore}). */
    public Path writeAuthority(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, pem(ca), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issues a mailbox's organisation certificate and writes it with its key as PKCS#12. */
    public Path writeMailboxCertificate(String address, Path file, char[] password) {
        try {
            KeyPair keys = keyPair();
            X509Certificate certificate = issue("CN=" + address + ",O=Cabinet fictif,C=FR", keys,
                    KeyPurposeId.id_kp_clientAuth, new GeneralName(GeneralName.rfc822Name, address));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("bal", keys.getPrivate(), password, new X509Certificate[] {certificate, ca});
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            return file;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rfc822Name of a client certificate (the mailbox it authenticates), or null. */
    static String mailboxOf(X509Certificate certificate) {
        try {
            if (certificate.getSubjectAlternativeNames() == null) {
                return null;
            }
            for (List<?> name : certificate.getSubjectAlternativeNames()) {
                if (Integer.valueOf(GeneralName.rfc822Name).equals(name.get(0))) {
                    return name.get(1).toString().toLowerCase(java.util.Locale.ROOT);
                }
            }
            return null;
        } catch (java.security.cert.CertificateParsingException e) {
            return null;
        }
    }

    private X509Certificate issue(String subject, KeyPair keys, KeyPurposeId purpose, GeneralName... names)
            throws IOException, OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(AUTHORITY_NAME), serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(825))), new X500Name(subject),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        return sign(builder, caKeys.getPrivate());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(96, RANDOM);
    }

    static String pem(X509Certificate certificate) {
        return Pem.certificate(certificate);
    }

}
