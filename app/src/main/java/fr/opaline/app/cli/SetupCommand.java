package fr.opaline.app.cli;

import fr.opaline.app.config.ConfigException;
import fr.opaline.app.config.ConfigFileEditor;
import fr.opaline.app.config.OpalineConfig;
import fr.opaline.app.setup.FirstAdministrator;
import fr.opaline.app.setup.SetupPrompter;
import fr.opaline.app.wiring.AccountsWiring;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.common.Actor;
import fr.opaline.core.setup.FirstRunSetup;
import fr.opaline.core.setup.SetupField;
import fr.opaline.core.setup.SetupFields;
import fr.opaline.core.setup.SetupReport;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "setup", description = {
        "Première configuration du cabinet : identité (FINESS, SIRET, RPPS-rang), racine OID, worklist DICOM, ports,",
        "certificats (PKCS#12), client Pro Santé Connect, messageries MSSanté. Chaque entrée est vérifiée.",
        "L'identité du cabinet va dans la base (partagée par tous les postes), le reste dans le fichier de",
        "configuration de cette machine. Sur un cabinet sans administrateur, crée le premier (mot de passe et",
        "second facteur TOTP)."})
final class SetupCommand extends Subcommand implements Callable<Integer> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    @Option(names = "--non-interactive", description = "Ne pose aucune question : applique --set et --from, ou échoue.")
    boolean nonInteractive;

    @Option(names = "--set", paramLabel = "CLÉ=VALEUR", description = "Une réponse (répétable), ex. --set practice.siret=73282932000074.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--from", paramLabel = "FICHIER", description = "Réponses dans un fichier .properties (UTF-8).")
    Path from;

    @Option(names = "--list", description = "Affiche les entrées, leur emplacement et leur valeur actuelle, sans rien changer.")
    boolean list;

    @Option(names = "--admin-login", paramLabel = "IDENTIFIANT", defaultValue = "admin",
            description = "Premier administrateur, quand le cabinet n'en a pas (défaut : ${DEFAULT-VALUE}).")
    String adminLogin;

    @Option(names = "--admin-name", paramLabel = "NOM", defaultValue = "Administrateur du cabinet",
            description = "Nom affiché du premier administrateur (défaut : ${DEFAULT-VALUE}).")
    String adminName;

    @Option(names = "--admin-password-file", paramLabel = "FICHIER",
            description = "Sans questions : le mot de passe du premier administrateur (première ligne du fichier).")
    Path adminPasswordFile;

    @Option(names = "--admin-totp-png", paramLabel = "FICHIER",
            description = "Écrit le QR code du second facteur dans ce fichier PNG au lieu de le dessiner dans le terminal.")
    Path adminTotpPng;

    @Override
    public Integer call() throws IOException {
        OpalineConfig config = config();
        try (CoreServices core = CoreServices.open(config)) {
            Map<String, String> current = new LinkedHashMap<>(config.values());
            current.putAll(core.settings.all());
            if (list) {
                list(current, config);
                return 0;
            }
            Map<String, String> answers = new LinkedHashMap<>(readFrom());
            answers.putAll(set);
            FirstRunSetup setup = new FirstRunSetup(core.clock);
            SetupReport report;
            if (nonInteractive) {
                report = setup.validate(answers, current);
            } else {
                Optional<SetupReport> asked = askUntilValid(setup, answers, current);
                if (asked.isEmpty()) {
                    return 2;
                }
                report = asked.get();
            }
            report.warnings().forEach(w -> out().println("Attention : " + w));
            if (!report.ok()) {
                report.errors().forEach((key, message) -> err().println("Erreur : " + label(key) + " (" + key + ") : " + message));
                err().println("Rien n'a été enregistré.");
                return 2;
            }
            save(core, config, report);
            communes(core);
            return firstAdministrator(core);
        }
    }

    /** The communes shipped with Opaline, on a database that has none yet (birthplaces by name). */
    private void communes(CoreServices core) throws IOException {
        fr.opaline.app.wiring.InsWiring.insServices(core).cog().ensureBundledCommunes(FirstAdministrator.SETUP)
                .ifPresent(r -> out().println("Référentiel des communes installé : " + r.places() + " codes ("
                        + fr.opaline.ins.cog.EtalabCommunesImporter.bundledVersion() + ")."));
    }

    /** The practice's first administrator, when it has none: password and TOTP second factor. */
    private int firstAdministrator(CoreServices core) throws IOException {
        FirstAdministrator first = new FirstAdministrator(new AccountsWiring(core), out());
        if (!first.needed()) {
            return 0;
        }
        Console console = System.console();
        char[] password;
        if (adminPasswordFile != null) {
            List<String> lines = Files.readAllLines(adminPasswordFile, StandardCharsets.UTF_8);
            password = lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
        } else if (!nonInteractive && console != null) {
            out().println();
            out().println("Premier administrateur du cabinet (" + adminLogin + ") : choisissez son mot de passe"
                    + " (politique des comptes privilégiés ; par défaut 12 caractères de 3 types au moins).");
            out().flush();
            password = console.readPassword("Mot de passe : ");
            char[] again = console.readPassword("Confirmez : ");
            if (password == null || !java.util.Arrays.equals(password, again)) {
                err().println("Erreur : les deux saisies diffèrent ; relancez opaline setup pour créer l'administrateur.");
                return 2;
            }
        } else {
            out().println("Le cabinet n'a pas d'administrateur : relancez avec --admin-password-file FICHIER"
                    + " (ou sans --non-interactive) pour le créer.");
            return 0;
        }
        try {
            first.create(adminLogin, adminName, password, adminTotpPng, prompt -> {
                if (nonInteractive || console == null) {
                    return Optional.empty();
                }
                String line = console.readLine("%s", prompt);
                return line == null || line.isBlank() ? Optional.empty() : Optional.of(line);
            });
        } catch (fr.opaline.core.common.BusinessRuleException e) {
            err().println("Erreur : " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private Optional<SetupReport> askUntilValid(FirstRunSetup setup, Map<String, String> given,
                                                Map<String, String> current) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Console console = System.console();
        SetupPrompter prompter = new SetupPrompter(in, out(), prompt -> {
            if (console != null) {
                char[] secret = console.readPassword("%s", prompt);
                return secret == null ? Optional.empty() : Optional.of(new String(secret));
            }
            out().print(prompt);
            out().flush();
            return Optional.ofNullable(in.readLine());
        });
        out().println("Configuration d'Opaline. Entrée garde la valeur entre crochets ; Ctrl-D abandonne sans rien enregistrer.");
        Map<String, String> merged = new LinkedHashMap<>(current);
        merged.putAll(given);
        List<SetupField> toAsk = SetupFields.ALL;
        Map<String, String> answers = new LinkedHashMap<>(given);
        while (true) {
            Optional<Map<String, String>> asked = prompter.ask(toAsk, merged);
            if (asked.isEmpty()) {
                return Optional.empty();
            }
            answers.putAll(asked.get());
            merged.putAll(asked.get());
            SetupReport report = setup.validate(answers, current);
            if (report.ok()) {
                return Optional.of(report);
            }
            out().println();
            report.errors().forEach((key, message) -> out().println("À corriger : " + label(key) + " : " + message));
            toAsk = SetupPrompter.fields(report.errors().keySet().stream()
                    .flatMap(key -> key.endsWith(SetupFields.PASSWORD)
                            ? java.util.stream.Stream.of(key.substring(0, key.length() - SetupFields.PASSWORD.length())
                            + SetupFields.FILE, key) : java.util.stream.Stream.of(key))
                    .toList());
            toAsk.forEach(f -> answers.remove(f.key()));
        }
    }

    private void save(CoreServices core, OpalineConfig config, SetupReport report) {
        new FirstRunSetup(core.clock).saveToDatabase(core.database, core.audit, report, Actor.system("opaline-setup"));
        Map<String, String> database = report.accepted(SetupField.Storage.DATABASE);
        Map<String, String> file = report.accepted(SetupField.Storage.CONFIGURATION);
        ConfigFileEditor.set(config.file(), file);
        report.certificates().forEach((name, summary) -> out().println("Certificat " + name + " : " + summary.subject()
                + ", émis par " + summary.issuer() + ", valable jusqu'au "
                + DAY.format(summary.notAfter().atZone(core.clock.getZone())) + "."));
        out().println("Enregistré : " + database.size() + " réglage(s) du cabinet dans la base, " + file.size()
                + " dans " + config.file() + ".");
        if (!file.isEmpty()) {
            out().println("Redémarrez le serveur du cabinet pour qu'il les prenne en compte (systemctl restart opaline-server).");
        }
    }

    private void list(Map<String, String> current, OpalineConfig config) {
        String section = null;
        for (SetupField field : SetupFields.ALL) {
            if (!field.section().equals(section)) {
                section = field.section();
                out().println("== " + section + " ==");
            }
            String value = current.get(field.key());
            String shown = value == null || value.isBlank() ? "(non renseigné)" : field.secret() ? "********" : value;
            out().printf("  %-38s %-60s %s%n", field.key(), field.label(), shown);
        }
        out().println("Base : réglages partagés par tous les postes ; fichier : " + config.file());
    }

    private Map<String, String> readFrom() {
        Map<String, String> answers = new LinkedHashMap<>();
        if (from == null) {
            return answers;
        }
        if (!Files.isRegularFile(from)) {
            throw new ConfigException("--from : fichier introuvable " + from);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("--from : fichier illisible " + from + " (" + e.getMessage() + ")");
        }
        properties.stringPropertyNames().stream().sorted().forEach(k -> answers.put(k, properties.getProperty(k)));
        return answers;
    }

    private static String label(String key) {
        return SetupFields.byKey(key).map(SetupField::label).orElse(key);
    }
}
