package fr.opaline.platform.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM: certificates written for people and other machines to copy, and read back. */
public final class Pem {

    private Pem() {
    }

    /** The certificate as a PEM block (base64 lines of 64 characters). */
    public static String certificate(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the certificate as PEM, creating the directory. */
    public static Path write(X509Certificate certificate, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, certificate(certificate), StandardCharsets.US_ASCII);
        return file;
    }

    /** Every certificate of a PEM (or DER) file, in order. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return readCertificates(in);
        }
    }

    /** Every certificate of a PEM (or DER) stream, in order. */
    public static List<X509Certificate> readCertificates(InputStream in) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            out.add((X509Certificate) c);
        }
        return out;
    }
}
