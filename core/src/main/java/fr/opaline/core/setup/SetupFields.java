package fr.opaline.core.setup;

import static fr.opaline.core.setup.SetupField.Storage.CONFIGURATION;
import static fr.opaline.core.setup.SetupField.Storage.DATABASE;

import fr.opaline.core.catalogue.AeTitle;
import fr.opaline.core.practice.PracticeIdentifiers;
import fr.opaline.core.practice.PracticeSettings;
import fr.opaline.core.uid.UidRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The entries of the first-run setup, in the order they are asked. The desktop wizard and
 * {@code opaline setup} both go through this list.
 */
public final class SetupFields {

    public static final String IDENTITY = "Identité du cabinet";
    public static final String SERVER = "Serveur du cabinet";
    public static final String CERTIFICATES = "Certificats";
    public static final String PSC = "Pro Santé Connect";
    public static final String MAIL = "Messageries MSSanté";

    public static final String WORKLIST_AE_TITLE = "worklist.aeTitle";
    public static final String WORKLIST_PORT = "worklist.port";
    public static final String HL7_PORT = "hl7.port";
    public static final String HEALTH_PORT = "health.port";
    public static final String ESTABLISHMENT_CERTIFICATE = "certificate.establishment";
    public static final String MSSANTE_CERTIFICATE = "certificate.mssante";
    /** The structure's signature certificate (cachet, IGC Santé ORG-SIGN): VIHF and DMP submissions. */
    public static final String SIGNATURE_CERTIFICATE = "certificate.signature";
    public static final String PSC_CLIENT_ID = "psc.clientId";
    public static final String PSC_CLIENT_SECRET_FILE = "psc.clientSecretFile";
    public static final String MSS_APPLICATIVE = "mss.applicativeAddress";
    public static final String MSS_ORGANISATION = "mss.organisationAddress";

    /** Suffixes of a certificate's two keys: the PKCS#12 file and its password. */
    public static final String FILE = ".file";
    public static final String PASSWORD = ".password";

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern PHONE = Pattern.compile("0[1-9]\\d{8}|\\+33[1-9]\\d{8}|\\+\\d{6,15}");
    private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.mssante\\.fr");
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private SetupFields() {
    }

    public static final List<SetupField> ALL = List.of(
            field(PracticeSettings.NAME, IDENTITY, "Nom du cabinet", DATABASE, (v, w) -> text(v, 200, "Le nom du cabinet")),
            field(PracticeSettings.FINESS, IDENTITY, "N° FINESS géographique (si le cabinet en a un)", DATABASE,
                    (v, w) -> PracticeIdentifiers.finess(v)),
            field(PracticeSettings.SIRET, IDENTITY, "N° SIRET du site", DATABASE, (v, w) -> PracticeIdentifiers.siret(v)),
            field(PracticeSettings.RPPS_RANG, IDENTITY, "RPPS-rang du cabinet libéral", DATABASE,
                    (v, w) -> PracticeIdentifiers.rppsRang(v)),
            field(PracticeSettings.UID_ROOT, IDENTITY, "Racine OID des identifiants DICOM et CDA", DATABASE,
                    SetupFields::uidRoot),
            field(PracticeSettings.ADDRESS, IDENTITY, "Adresse (numéro et voie)", DATABASE, (v, w) -> text(v, 200, "L'adresse")),
            field(PracticeSettings.POSTAL_CODE, IDENTITY, "Code postal", DATABASE, SetupFields::postalCode),
            field(PracticeSettings.CITY, IDENTITY, "Commune", DATABASE, (v, w) -> text(v, 100, "La commune")),
            field(PracticeSettings.PHONE, IDENTITY, "Téléphone du cabinet", DATABASE, SetupFields::phone),
            field(WORKLIST_AE_TITLE, SERVER, "Titre AE de la worklist DICOM", CONFIGURATION, (v, w) -> aeTitle(v)),
            field(WORKLIST_PORT, SERVER, "Port de la worklist DICOM", CONFIGURATION, SetupFields::port),
            field(HL7_PORT, SERVER, "Port d'écoute HL7 (MLLP)", CONFIGURATION, SetupFields::port),
            field(HEALTH_PORT, SERVER, "Port de supervision (santé du serveur, boucle locale)", CONFIGURATION,
                    SetupFields::port),
            field(ESTABLISHMENT_CERTIFICATE + FILE, CERTIFICATES,
                    "Certificat d'authentification IGC Santé (fichier .p12) pour INSi et le DMP (TLS)", CONFIGURATION, SetupFields::file),
            field(ESTABLISHMENT_CERTIFICATE + PASSWORD, CERTIFICATES, "Mot de passe de ce certificat", CONFIGURATION,
                    true, (v, w) -> v),
            field(SIGNATURE_CERTIFICATE + FILE, CERTIFICATES,
                    "Certificat de signature (cachet) IGC Santé (fichier .p12) pour le VIHF et les envois au DMP",
                    CONFIGURATION, SetupFields::file),
            field(SIGNATURE_CERTIFICATE + PASSWORD, CERTIFICATES, "Mot de passe de ce certificat", CONFIGURATION,
                    true, (v, w) -> v),
            field(MSSANTE_CERTIFICATE + FILE, CERTIFICATES, "Certificat de la BAL applicative MSSanté (fichier .p12)",
                    CONFIGURATION, SetupFields::file),
            field(MSSANTE_CERTIFICATE + PASSWORD, CERTIFICATES, "Mot de passe de ce certificat", CONFIGURATION, true,
                    (v, w) -> v),
            field(PSC_CLIENT_ID, PSC, "Identifiant client (client_id) Pro Santé Connect", CONFIGURATION,
                    SetupFields::clientId),
            field(PSC_CLIENT_SECRET_FILE, PSC, "Fichier du secret client Pro Santé Connect", CONFIGURATION,
                    SetupFields::secretFile),
            field(MSS_APPLICATIVE, MAIL, "Adresse de la BAL applicative (envois automatiques)", CONFIGURATION,
                    (v, w) -> mailbox(v)),
            field(MSS_ORGANISATION, MAIL, "Adresse de la BAL organisationnelle (réponses)", CONFIGURATION,
                    (v, w) -> mailbox(v)));

    public static Optional<SetupField> byKey(String key) {
        return ALL.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private static SetupField field(String key, String section, String label, SetupField.Storage storage,
                                    SetupField.Check check) {
        return new SetupField(key, section, label, storage, false, check);
    }

    private static SetupField field(String key, String section, String label, SetupField.Storage storage,
                                    boolean secret, SetupField.Check check) {
        return new SetupField(key, section, label, storage, secret, check);
    }

    static String text(String value, int max, String what) {
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new IllegalArgumentException(what + " dépasse " + max + " caractères");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " contient un caractère de contrôle");
        }
        return trimmed;
    }

    static String uidRoot(String value, List<String> warnings) {
        UidRoot root = new UidRoot(value.trim());
        if (root.value().startsWith("2.25.")) {
            warnings.add("racine sous 2.25 (dérivée d'un UUID) : valable, mais un OID propre au cabinet"
                    + " ou fourni par l'éditeur est préférable pour les documents partagés");
        }
        return root.value();
    }

    static String postalCode(String value, List<String> warnings) {
        String trimmed = value.trim().replace(" ", "");
        if (!POSTAL_CODE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Code postal « " + value + " » : 5 chiffres attendus");
        }
        return trimmed;
    }

    static String phone(String value, List<String> warnings) {
        String compact = value.trim().replaceAll("[\\s.()-]", "");
        if (!PHONE.matcher(compact).matches()) {
            throw new IllegalArgumentException("Téléphone « " + value + " » : 10 chiffres (01 23 45 67 89)"
                    + " ou format international (+33 1 23 45 67 89) attendus");
        }
        return compact;
    }

    /** An Application Entity title: {@link AeTitle}'s rule. */
    static String aeTitle(String value) {
        return AeTitle.check(value);
    }

    static String port(String value, List<String> warnings) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Port « " + value + " » : un nombre de 1 à 65535 est attendu");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " : un nombre de 1 à 65535 est attendu");
        }
        if (port < 1024) {
            warnings.add("le port " + port + " est réservé au système : le service devra avoir le droit de l'ouvrir"
                    + " (préférez un port au-delà de 1024, par exemple 11112 pour la worklist)");
        }
        return Integer.toString(port);
    }

    static String file(String value, List<String> warnings) {
        Path path = Path.of(value.trim());
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("Fichier introuvable : " + value.trim());
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("Fichier illisible (droits d'accès) : " + value.trim());
        }
        return path.toAbsolutePath().normalize().toString();
    }

    static String clientId(String value, List<String> warnings) {
        String trimmed = value.trim();
        if (!CLIENT_ID.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Identifiant client « " + value
                    + " » : 1 à 200 caractères ASCII visibles, sans espace, tel que fourni par l'ANS");
        }
        return trimmed;
    }

    static String secretFile(String value, List<String> warnings) {
        String normalised = file(value, warnings);
        Path path = Path.of(normalised);
        try {
            if (Files.size(path) == 0 || Files.readString(path).isBlank()) {
                throw new IllegalArgumentException("Le fichier du secret client est vide : " + normalised);
            }
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    warnings.add("le fichier du secret client est lisible par tous les comptes de la machine :"
                            + " restreignez ses droits (chmod 600 " + normalised + ")");
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Lecture impossible de " + normalised + " : " + e.getMessage());
        }
        return normalised;
    }

    static String mailbox(String value) {
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        if (!MAILBOX.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("Adresse « " + value
                    + " » : une adresse de messagerie MSSanté est attendue (…@domaine.mssante.fr)");
        }
        return trimmed;
    }
}
