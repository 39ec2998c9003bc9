package fr.opaline.sandbox.pki;

import fr.opaline.platform.tls.Certificates;
import fr.opaline.platform.tls.Certificates.Usage;
import fr.opaline.platform.tls.KeyStores;
import fr.opaline.platform.tls.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The sandbox's one throw-away PKI, made when a stand-in starts (never stored in the repository):
 * a fictitious authority standing in for the IGC Santé, the stand-in's server certificate for the
 * loopback names, and the client certificates it hands to the practice (the DMP's organisation
 * certificate, a BAL applicative's for MSSanté). RSA 2048 (the DMP) or ECDSA P-256 (the MSSanté
 * operator), SHA-256, on platform's {@link Certificates} and {@link KeyStores}.
 */
public final class SandboxPki {

    /** Password of every key store the sandbox writes for the practice. */
    public static final String PASSWORD = "sandbox";

    /** The key algorithm of the authority and of everything it issues. */
    public enum Algorithm { RSA, EC }

    private static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3650);
    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1");

    private final Algorithm algorithm;
    private final Certificates.Issuer authority;
    private final KeyStore server;
    private final KeyStore practice;
    private final KeyStore practiceSignature;

    private SandboxPki(Algorithm algorithm, Certificates.Issuer authority, KeyStore server, KeyStore practice,
                       KeyStore practiceSignature) {
        this.algorithm = algorithm;
        this.authority = authority;
        this.server = server;
        this.practice = practice;
        this.practiceSignature = practiceSignature;
    }

    /**
     * A new authority named {@code authorityName}, a server certificate for localhost and
     * 127.0.0.1 with {@code serverSubject}, and, when {@code practiceSubject} is not null, the
     * practice's client certificate.
     */
    public static SandboxPki generate(Algorithm algorithm, String authorityName, String serverSubject,
                                      String practiceSubject) {
        return generate(algorithm, authorityName, serverSubject, practiceSubject, null);
    }

    /**
     * The same, and when {@code signatureSubject} is not null a second practice certificate that
     * only signs (the IGC Santé "cachet", ORG-SIGN), apart from the TLS one (ORG-AUTH_CLI).
     */
    public static SandboxPki generate(Algorithm algorithm, String authorityName, String serverSubject,
                                      String practiceSubject, String signatureSubject) {
        try {
            Instant now = Instant.now();
            KeyPair keys = keyPair(algorithm);
            X509Certificate root = Certificates.selfSigned(keys, authorityName, List.of(), now.minus(Duration.ofHours(1)),
                    now.plus(AUTHORITY_VALIDITY), Usage.AUTHORITY);
            SandboxPki pki = new SandboxPki(algorithm, new Certificates.Issuer(root, keys.getPrivate()), null, null, null);
            KeyStore server = pki.issue(serverSubject, LOOPBACK, Usage.SERVER, VALIDITY, PASSWORD.toCharArray());
            KeyStore practice = practiceSubject == null ? null
                    : pki.issue(practiceSubject, List.of(), Usage.CLIENT, VALIDITY, PASSWORD.toCharArray());
            KeyStore signature = signatureSubject == null ? null
                    : pki.issue(signatureSubject, List.of(), Usage.SIGNATURE, VALIDITY, PASSWORD.toCharArray());
            return new SandboxPki(algorithm, pki.authority, server, practice, signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Génération des certificats du bac à sable impossible : " + e.getMessage(), e);
        }
    }

    public X509Certificate authority() {
        return authority.certificate();
    }

    /** The authority alone, as the practice's trust store. */
    public KeyStore trustStore() throws GeneralSecurityException {
        return KeyStores.trustStore(List.of(authority.certificate()));
    }

    /** The stand-in's side: its certificate, and client certificates checked against the authority. */
    public SSLContext serverContext() {
        try {
            return KeyStores.sslContext(server, PASSWORD.toCharArray(), trustStore());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The practice's client certificate and key (password {@value #PASSWORD}). */
    public KeyStore practiceKeyStore() {
        if (practice == null) {
            throw new IllegalStateException("Ce bac à sable ne délivre pas de certificat de structure");
        }
        return practice;
    }

    /** The practice's signature certificate (cachet) and key, or its TLS one when this PKI issues none. */
    public KeyStore practiceSignatureKeyStore() {
        return practiceSignature == null ? practiceKeyStore() : practiceSignature;
    }

    /** A new signature-only certificate (cachet) from the same authority, with its key and chain. */
    public KeyStore issueSignature(String subject, Duration validity, char[] password) throws GeneralSecurityException {
        return issue(subject, List.of(), Usage.SIGNATURE, validity, password);
    }

    /**
     * A new client certificate from the same authority (a BAL applicative, a foreign or forged
     * caller), with its key and chain. Alternative names: e-mail addresses, DNS names or IPs.
     */
    public KeyStore issueClient(String subject, List<String> alternativeNames, Duration validity, char[] password)
            throws GeneralSecurityException {
        return issue(subject, alternativeNames, Usage.CLIENT, validity, password);
    }

    /** Writes the practice's PKCS#12 and the trust store (password {@value #PASSWORD}) into {@code directory}. */
    public void writeClientFiles(Path directory, String keyStoreName, String trustStoreName)
            throws IOException, GeneralSecurityException {
        KeyStores.write(practiceKeyStore(), directory.resolve(keyStoreName), PASSWORD.toCharArray());
        KeyStores.write(trustStore(), directory.resolve(trustStoreName), PASSWORD.toCharArray());
    }

    /** Writes the practice's signature PKCS#12 (password {@value #PASSWORD}) as {@code directory/name}. */
    public void writeSignatureFile(Path directory, String name) throws IOException, GeneralSecurityException {
        KeyStores.write(practiceSignatureKeyStore(), directory.resolve(name), PASSWORD.toCharArray());
    }

    /** Writes the authority as PEM (what the practice configures as its trust store). */
    public Path writeAuthority(Path file) {
        try {
            return Pem.write(authority.certificate(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KeyStore issue(String subject, List<String> names, Usage usage, Duration validity, char[] password)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        KeyPair keys = keyPair(algorithm);
        X509Certificate certificate = Certificates.issue(authority, keys.getPublic(), subject, names,
                now.minus(Duration.ofHours(1)), now.plus(validity), usage);
        return KeyStores.keyStore(usage == Usage.SERVER ? "server" : "client", keys.getPrivate(), password,
                certificate, authority.certificate());
    }

    private static KeyPair keyPair(Algorithm algorithm) throws GeneralSecurityException {
        return algorithm == Algorithm.RSA ? Certificates.rsaKeyPair() : Certificates.ecKeyPair();
    }
}
