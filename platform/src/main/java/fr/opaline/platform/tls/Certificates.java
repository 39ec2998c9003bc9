package fr.opaline.platform.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
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
 * Certificates made by Opaline itself (the LAN identity of the practice server, the sandbox
 * authorities): key pairs, and a certificate for a public key with a subject, alternative names
 * and a validity, signed by an authority or by its own key. SHA-256 fingerprints.
 */
public final class Certificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the certificate is for. */
    public enum Usage {
        /** A certificate authority (signs certificates and revocation lists). */
        AUTHORITY,
        /** A TLS server. */
        SERVER,
        /** A TLS client, which also signs (a practice's organisation certificate). */
        CLIENT,
        /** A seal (cachet) that signs documents and tokens only, no TLS (IGC Santé ORG-SIGN). */
        SIGNATURE
    }

    /** The signer of a certificate: the authority's certificate and private key. */
    public record Issuer(X509Certificate certificate, PrivateKey key) {
    }

    private Certificates() {
    }

    /** An ECDSA P-256 key pair. */
    public static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** An RSA 2048 key pair. */
    public static KeyPair rsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    /** A certificate signed by its own key (an authority's root, or a pinned LAN identity). */
    public static X509Certificate selfSigned(KeyPair keys, String subject, List<String> alternativeNames,
                                             Instant notBefore, Instant notAfter, Usage usage)
            throws GeneralSecurityException {
        X500Name name = new X500Name(subject);
        return sign(new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore), Date.from(notAfter), name,
                keys.getPublic()), keys.getPublic(), alternativeNames, usage, keys.getPrivate());
    }

    /**
     * A certificate for {@code publicKey}, signed by {@code issuer}. Alternative names are DNS
     * names, IP literals or e-mail addresses (told apart by their form).
     */
    public static X509Certificate issue(Issuer issuer, PublicKey publicKey, String subject,
                                        List<String> alternativeNames, Instant notBefore, Instant notAfter, Usage usage)
            throws GeneralSecurityException {
        return sign(new JcaX509v3CertificateBuilder(issuer.certificate(), serial(), Date.from(notBefore),
                Date.from(notAfter), new X500Name(subject), publicKey), publicKey, alternativeNames, usage, issuer.key());
    }

    /** SHA-256 of the DER certificate, as "AB:CD:…" (what the workstations pin). */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject's common name (CN), or null when it has none. */
    public static String commonName(X509Certificate certificate) {
        return attribute(certificate, "CN");
    }

    /** The subject's organisational unit (OU), or null when it has none. */
    public static String organisationalUnit(X509Certificate certificate) {
        return attribute(certificate, "OU");
    }

    private static String attribute(X509Certificate certificate, String type) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (type.equalsIgnoreCase(rdn.getType())) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PublicKey subjectKey,
                                        List<String> alternativeNames, Usage usage, PrivateKey signer)
            throws GeneralSecurityException {
        boolean rsa = "RSA".equals(subjectKey.getAlgorithm());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(usage == Usage.AUTHORITY));
            switch (usage) {
                case AUTHORITY -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                case SERVER -> {
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | (rsa ? KeyUsage.keyEncipherment : 0)));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                }
                case CLIENT -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                            | KeyUsage.nonRepudiation | (rsa ? KeyUsage.keyEncipherment : 0)));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                }
                case SIGNATURE -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                default -> throw new IllegalArgumentException(usage.toString());
            }
            if (alternativeNames != null && !alternativeNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, generalNames(alternativeNames));
            }
            String algorithm = "RSA".equals(signer.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static GeneralNames generalNames(List<String> names) {
        List<GeneralName> out = new ArrayList<>();
        for (String name : names) {
            int kind = name.contains("@") ? GeneralName.rfc822Name
                    : name.matches("[0-9.]+") || name.contains(":") ? GeneralName.iPAddress : GeneralName.dNSName;
            out.add(new GeneralName(kind, name));
        }
        return new GeneralNames(out.toArray(GeneralName[]::new));
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63);
    }
}
