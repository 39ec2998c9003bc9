package fr.opaline.core.setup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Checks a PKCS#12 file before Opaline adopts it as a practice certificate (IGC Santé
 * organisation certificate, MSSanté applicative mailbox): the password opens it, it holds one
 * private key with its certificate, the certificate is valid today, allows digital signature,
 * and, when it restricts its purposes, allows TLS client authentication.
 */
public final class CertificateInspector {

    /** Below this, a certificate still valid gets a warning: it must be renewed soon. */
    public static final Duration RENEWAL_WARNING = Duration.ofDays(30);
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String[] KEY_USAGES = {"signature numérique", "non-répudiation", "chiffrement de clé",
            "chiffrement de données", "accord de clé", "signature de certificat", "signature de CRL",
            "chiffrement seul", "déchiffrement seul"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final Clock clock;

    public CertificateInspector(Clock clock) {
        this.clock = clock;
    }

    /** What the certificate is, and what deserves attention without preventing its use. */
    public record Summary(String alias, String subject, String issuer, String serialNumber, Instant notBefore,
                          Instant notAfter, List<String> keyUsages, List<String> warnings) {
    }

    /**
     * @throws IllegalArgumentException with a French message when the file cannot be used
     */
    public Summary inspect(Path file, char[] password) {
        return inspect(file, password, true);
    }

    /**
     * @param tlsClient the certificate authenticates a TLS client (else it only signs: a seal, IGC
     *                  Santé ORG-SIGN, whose extended usages need not include TLS client authentication)
     * @throws IllegalArgumentException with a French message when the file cannot be used
     */
    public Summary inspect(Path file, char[] password, boolean tlsClient) {
        KeyStore store = load(file, password);
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.isEmpty()) {
                throw new IllegalArgumentException("Le fichier " + file.getFileName()
                        + " ne contient pas de clé privée : il faut le certificat AVEC sa clé (fichier .p12 exporté"
                        + " avec la clé privée)");
            }
            if (keyAliases.size() > 1) {
                throw new IllegalArgumentException("Le fichier " + file.getFileName() + " contient "
                        + keyAliases.size() + " clés privées (" + String.join(", ", keyAliases)
                        + ") : exportez un fichier par certificat");
            }
            String alias = keyAliases.get(0);
            PrivateKey key;
            try {
                key = (PrivateKey) store.getKey(alias, password);
            } catch (UnrecoverableKeyException e) {
                throw new IllegalArgumentException("La clé privée de " + file.getFileName()
                        + " est protégée par un autre mot de passe que le fichier : réexportez-la avec un seul mot de passe");
            }
            Certificate first = store.getCertificate(alias);
            if (key == null || !(first instanceof X509Certificate certificate)) {
                throw new IllegalArgumentException("Le fichier " + file.getFileName()
                        + " ne contient pas de certificat X.509 associé à la clé privée");
            }
            return summarise(alias, certificate, tlsClient);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Le fichier " + file.getFileName() + " est illisible : " + e.getMessage());
        }
    }

    private Summary summarise(String alias, X509Certificate certificate, boolean tlsClient)
            throws CertificateParsingException {
        Instant now = clock.instant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        String subject = certificate.getSubjectX500Principal().getName();
        if (now.isAfter(notAfter)) {
            throw new IllegalArgumentException("Le certificat « " + subject + " » a expiré le " + day(notAfter)
                    + " : demandez son renouvellement (IGC Santé) puis importez le nouveau");
        }
        if (now.isBefore(notBefore)) {
            throw new IllegalArgumentException("Le certificat « " + subject + " » n'est valable qu'à partir du "
                    + day(notBefore) + " : vérifiez l'horloge de ce poste ou attendez cette date");
        }
        List<String> usages = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage == null) {
            warnings.add("le certificat ne précise pas l'usage de sa clé (extension Key Usage absente)");
        } else {
            for (int i = 0; i < keyUsage.length && i < KEY_USAGES.length; i++) {
                if (keyUsage[i]) {
                    usages.add(KEY_USAGES[i]);
                }
            }
            if (!keyUsage[0]) {
                throw new IllegalArgumentException("Le certificat « " + subject + " » ne permet pas la signature"
                        + " numérique (usages : " + String.join(", ", usages) + ") : il ne peut pas servir à"
                        + " l'authentification ; il faut un certificat d'authentification");
            }
        }
        List<String> extended = certificate.getExtendedKeyUsage();
        if (tlsClient && extended != null && !extended.isEmpty() && !extended.contains(CLIENT_AUTH)) {
            throw new IllegalArgumentException("Le certificat « " + subject + " » n'autorise pas l'authentification"
                    + " client TLS (usages étendus : " + String.join(", ", extended) + ")");
        }
        if (Duration.between(now, notAfter).compareTo(RENEWAL_WARNING) < 0) {
            warnings.add("le certificat expire le " + day(notAfter) + " : pensez à le renouveler");
        }
        return new Summary(alias, subject, certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16), notBefore, notAfter, List.copyOf(usages), List.copyOf(warnings));
    }

    private KeyStore load(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Fichier de certificat introuvable : " + file);
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("Le fichier " + file.getFileName()
                        + " est trop gros pour un certificat PKCS#12 (1 Mo au plus)");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IllegalArgumentException("Mot de passe incorrect pour " + file.getFileName());
            }
            throw new IllegalArgumentException("Le fichier " + file.getFileName()
                    + " n'est pas un certificat PKCS#12 (.p12/.pfx) lisible : " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Le fichier " + file.getFileName() + " est illisible : " + e.getMessage());
        }
    }

    private String day(Instant instant) {
        return DATE.format(instant.atZone(clock.getZone() == null ? ZoneId.of("Europe/Paris") : clock.getZone()));
    }
}
