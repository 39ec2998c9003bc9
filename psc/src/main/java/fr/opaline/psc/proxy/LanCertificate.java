package fr.opaline.psc.proxy;

import fr.opaline.platform.tls.Certificates;
import fr.opaline.platform.tls.KeyStores;
import fr.opaline.platform.tls.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The TLS identity of the proxy e-santé on the practice LAN. Until the practice imports a
 * certificate of its own, the server makes a self-signed one on first start (ECDSA P-256, five
 * years, names: localhost, the host name, every address of the machine, and {@code psc.proxy.names}),
 * stores it in a PKCS#12 file beside a random password file (both readable by the server's user
 * only), and exports the certificate as PEM for the workstations, which trust exactly that
 * certificate (its SHA-256 fingerprint), not a certificate authority.
 */
public final class LanCertificate {

    private static final String ALIAS = "opaline-proxy";
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);

    private LanCertificate() {
    }

    /** The key store, its password and the certificate it holds. */
    public record Material(KeyStore keyStore, char[] password, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Material[" + fingerprint(certificate) + "]";
        }
    }

    /**
     * Loads the key store, or creates a self-signed identity when it does not exist yet; writes
     * the certificate as PEM to {@code certificatePem} either way.
     */
    public static Material loadOrCreate(Path keyStoreFile, Path passwordFile, Path certificatePem,
                                        List<String> extraNames, Clock clock) {
        try {
            Material material;
            if (Files.exists(keyStoreFile)) {
                char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
                KeyStore store = KeyStores.readPkcs12(keyStoreFile, password);
                String alias = store.aliases().nextElement();
                material = new Material(store, password, (X509Certificate) store.getCertificate(alias));
            } else {
                material = create(names(extraNames), clock.instant());
                Files.createDirectories(keyStoreFile.toAbsolutePath().getParent());
                writePrivate(passwordFile, new String(material.password()).getBytes(StandardCharsets.UTF_8));
                KeyStores.write(material.keyStore(), keyStoreFile, material.password());
                restrict(keyStoreFile);
            }
            Pem.write(material.certificate(), certificatePem);
            return material;
        } catch (IOException e) {
            throw new UncheckedIOException("Certificat du proxy e-santé illisible : " + keyStoreFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Certificat du proxy e-santé inutilisable : " + keyStoreFile + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** A fresh self-signed identity for the given DNS names and IP literals. */
    public static Material create(Set<String> names, Instant now) throws GeneralSecurityException {
        KeyPair pair = Certificates.ecKeyPair();
        X509Certificate certificate = Certificates.selfSigned(pair,
                "CN=Opaline proxy e-sante " + names.iterator().next() + ", O=Opaline", List.copyOf(names),
                now.minus(Duration.ofHours(1)), now.plus(VALIDITY), Certificates.Usage.SERVER);
        char[] password = randomPassword();
        return new Material(KeyStores.keyStore(ALIAS, pair.getPrivate(), password, certificate), password, certificate);
    }

    public static SSLContext serverContext(Material material) {
        try {
            return KeyStores.sslContext(material.keyStore(), material.password(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS du proxy e-santé : " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the DER certificate, as "AB:CD:…" (what the workstations pin). */
    public static String fingerprint(X509Certificate certificate) {
        return Certificates.fingerprint(certificate);
    }

    /** localhost, loopback, host name, the machine's addresses, then the configured extra names. */
    static Set<String> names(List<String> extraNames) {
        Set<String> names = new LinkedHashSet<>();
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            // no resolvable host name: the addresses below still identify the server
        }
        names.add("localhost");
        names.add("127.0.0.1");
        names.add("::1");
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        String text = address.getHostAddress();
                        int zone = text.indexOf('%');
                        names.add(zone < 0 ? text : text.substring(0, zone));
                    }
                }
            }
        } catch (SocketException e) {
            // keep the names found so far
        }
        extraNames.stream().map(String::trim).filter(n -> !n.isEmpty()).forEach(names::add);
        return names;
    }

    private static char[] randomPassword() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw).toCharArray();
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: rely on the directory's permissions
        }
    }
}
