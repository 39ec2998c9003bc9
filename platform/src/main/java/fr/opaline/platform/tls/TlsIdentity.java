package fr.opaline.platform.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
 * A TLS identity: an EC P-256 key pair and its self-signed certificate in a PKCS#12 key store.
 * What a workstation presents as its client certificate (the key its server sessions are bound
 * to) and what a loopback practice server presents. Stored, it is a key store and a password file
 * readable by their owner only (0600).
 */
public final class TlsIdentity {

    private static final String ALIAS = "opaline";

    /** Whether the certificate says "TLS server" or "TLS client". */
    public enum Usage { SERVER, CLIENT }

    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate certificate;

    private TlsIdentity(KeyStore keyStore, char[] password, X509Certificate certificate) {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = certificate;
    }

    /** A fresh identity; {@code names} are DNS names or IP literals (the subject alternative names). */
    public static TlsIdentity create(String commonName, List<String> names, Usage usage, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                    .addRDN(BCStyle.O, "Opaline").build();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            usage == Usage.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
            if (!names.isEmpty()) {
                List<GeneralName> alternatives = new ArrayList<>();
                for (String name : names) {
                    boolean ip = name.matches("[0-9.]+") || name.contains(":");
                    alternatives.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
                }
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            }
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[] {certificate});
            return new TlsIdentity(store, password, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Identité TLS impossible à créer : " + e.getMessage(), e);
        }
    }

    /** An identity held in memory (key store and its password). */
    public static TlsIdentity of(KeyStore keyStore, char[] password) {
        try {
            String alias = keyStore.aliases().nextElement();
            return new TlsIdentity(keyStore, password.clone(), (X509Certificate) keyStore.getCertificate(alias));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Magasin de clés inutilisable : " + e.getMessage(), e);
        }
    }

    /**
     * Reads the identity stored in {@code keyStoreFile} (password in {@code passwordFile}), or
     * creates and stores one, both files readable by their owner only.
     */
    public static TlsIdentity loadOrCreate(Path keyStoreFile, Path passwordFile, String commonName, Usage usage,
                                           Duration validity) {
        try {
            if (Files.exists(keyStoreFile)) {
                char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keyStoreFile)) {
                    store.load(in, password);
                }
                return of(store, password);
            }
            TlsIdentity created = create(commonName, List.of(), usage, validity);
            Path directory = keyStoreFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            writePrivate(passwordFile, new String(created.password).getBytes(StandardCharsets.UTF_8));
            try (OutputStream out = Files.newOutputStream(keyStoreFile)) {
                created.keyStore.store(out, created.password);
            }
            restrict(keyStoreFile);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Clé TLS illisible : " + keyStoreFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Clé TLS inutilisable : " + keyStoreFile + " (" + e.getMessage() + ")", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 of the DER certificate, upper-case hex without separators. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context presenting this identity and trusting peers through {@code trust}. */
    public SSLContext context(TrustManager trust) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust == null ? null : new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS : " + e.getMessage(), e);
        }
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        restrict(file);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user's profile directory protects it
        }
    }
}
