package fr.opaline.app.cli;

import fr.opaline.api.OperatorApi;
import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.user.AccountAdministration;
import fr.opaline.core.user.AccountSummary;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Comptes locaux : liste, création, droits, mots de passe, second facteur, export CSV.",
        subcommands = {UsersCommand.ListAccounts.class, UsersCommand.Create.class, UsersCommand.SetPassword.class,
                UsersCommand.SetRole.class, UsersCommand.Enable.class, UsersCommand.Disable.class,
                UsersCommand.Unlock.class, UsersCommand.TotpEnrol.class, UsersCommand.TotpRemove.class,
                UsersCommand.Export.class})
final class UsersCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    /**
     * Runs through the practice server running on this machine (audited as "opérateur"), or over
     * the database opened here (audited as this command and the system user): {@link OperatorLink}.
     */
    abstract static class AccountCommand extends Subcommand implements Callable<Integer> {

        @Override
        public Integer call() throws Exception {
            try (OperatorLink link = OperatorLink.open(config())) {
                return run(link.api());
            }
        }

        abstract int run(OperatorApi operator) throws Exception;

        static char[] readPassword(boolean fromStdin, String prompt) {
            Console console = System.console();
            if (!fromStdin && console != null) {
                char[] first = console.readPassword("%s : ", prompt);
                char[] second = console.readPassword("Confirmez : ");
                if (first == null || !java.util.Arrays.equals(first, second)) {
                    throw new IllegalArgumentException("les deux saisies diffèrent");
                }
                return first;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("mot de passe attendu sur l'entrée standard");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A command on one account, named by its login. */
    abstract static class OneAccount extends AccountCommand {
        @Parameters(index = "0", paramLabel = "IDENTIFIANT")
        String login;

        @Override
        final int run(OperatorApi operator) throws Exception {
            if (login == null || login.isBlank()) {
                throw new IllegalArgumentException("identifiant du compte manquant");
            }
            return run(operator, login);
        }

        abstract int run(OperatorApi operator, String login) throws Exception;
    }

    @Command(name = "list", description = "Liste les comptes et l'état de leurs accès.")
    static final class ListAccounts extends AccountCommand {
        @Override
        int run(OperatorApi operator) {
            for (AccountSummary a : operator.accounts()) {
                UserAccount u = a.user();
                out().printf("%-16s %-14s %-4s %-28s %s%s%s%s%s%n", u.login(), u.role(), u.active() ? "" : "INACTIF",
                        u.displayName(), u.rpps() == null ? "" : "RPPS " + u.rpps() + " ",
                        a.localPassword() ? "mot de passe" : "PSC seulement",
                        a.totp() ? " + TOTP" : "",
                        a.lockedUntil() == null ? "" : " — verrouillé jusqu'au " + WHEN.format(a.lockedUntil()),
                        a.links().isEmpty() ? "" : " — lié : " + a.links().stream()
                                .map(l -> l.provider() + ":" + l.nationalId()).toList());
            }
            return 0;
        }
    }

    @Command(name = "create", description = "Crée un compte (mot de passe provisoire, à changer à la première connexion ; sans --password : connexion PSC seulement).")
    static final class Create extends AccountCommand {
        @Parameters(index = "0", paramLabel = "IDENTIFIANT") String login;
        @Option(names = "--name", required = true, description = "Nom affiché (ex. « Dr Claire Lambert »).") String name;
        @Option(names = "--role", required = true, description = "SECRETAIRE, MANIPULATEUR, RADIOLOGUE ou ADMINISTRATEUR.") Role role;
        @Option(names = "--rpps", description = "RPPS (11 chiffres), pour le rapprochement PSC.") String rpps;
        @Option(names = "--profession", description = "Code profession (10 : médecin).") String profession;
        @Option(names = "--specialty", description = "Code savoir-faire (SM44 : radiodiagnostic).") String specialty;
        @Option(names = "--password", description = "Demander un mot de passe provisoire.") boolean password;
        @Option(names = "--password-stdin", description = "Lire le mot de passe provisoire sur l'entrée standard.") boolean stdin;

        @Override
        int run(OperatorApi operator) {
            char[] secret = password || stdin ? readPassword(stdin, "Mot de passe provisoire") : null;
            UserAccount user = operator.createAccount(new AccountAdministration.NewAccount(login, name, role,
                    rpps, profession, specialty), secret);
            out().println("Compte créé : " + user.login() + " (" + user.role() + ")"
                    + (secret == null ? ", connexion Pro Santé Connect seulement." : ", mot de passe provisoire."));
            return 0;
        }
    }

    @Command(name = "set-password", description = "Donne un mot de passe provisoire (à changer à la prochaine connexion) et déverrouille.")
    static final class SetPassword extends OneAccount {
        @Option(names = "--password-stdin", description = "Lire le mot de passe sur l'entrée standard.") boolean stdin;

        @Override
        int run(OperatorApi operator, String login) {
            operator.resetPassword(login, readPassword(stdin, "Mot de passe provisoire"));
            out().println("Mot de passe provisoire enregistré pour " + login + ".");
            return 0;
        }
    }

    @Command(name = "set-role", description = "Change le rôle d'un compte.")
    static final class SetRole extends OneAccount {
        @Parameters(index = "1", paramLabel = "ROLE") Role role;

        @Override
        int run(OperatorApi operator, String login) {
            operator.changeRole(login, role);
            out().println(login + " : rôle " + role + ".");
            return 0;
        }
    }

    @Command(name = "enable", description = "Réactive un compte.")
    static final class Enable extends OneAccount {
        @Override
        int run(OperatorApi operator, String login) {
            operator.setActive(login, true);
            out().println(login + " : compte actif.");
            return 0;
        }
    }

    @Command(name = "disable", description = "Désactive un compte (il ne peut plus se connecter).")
    static final class Disable extends OneAccount {
        @Override
        int run(OperatorApi operator, String login) {
            operator.setActive(login, false);
            out().println(login + " : compte désactivé.");
            return 0;
        }
    }

    @Command(name = "unlock", description = "Déverrouille un compte bloqué après trop d'échecs.")
    static final class Unlock extends OneAccount {
        @Override
        int run(OperatorApi operator, String login) {
            operator.unlock(login);
            out().println(login + " : compte déverrouillé.");
            return 0;
        }
    }

    @Command(name = "totp-enrol", description = "Active le second facteur TOTP : affiche le secret et l'adresse otpauth:// pour l'application d'authentification.")
    static final class TotpEnrol extends OneAccount {
        @Option(names = "--code", description = "Confirmer avec le premier code affiché par l'application.") String code;

        @Override
        int run(OperatorApi operator, String login) {
            if (code != null) {
                operator.confirmTotp(login, code);
                out().println(login + " : second facteur confirmé ; il sera demandé à chaque connexion.");
                return 0;
            }
            var enrolment = operator.enrolTotp(login);
            out().println("Secret (à saisir dans l'application) : " + enrolment.secret());
            out().println("Adresse (QR code)                    : " + enrolment.provisioningUri());
            out().println("Confirmez ensuite : opaline users totp-enrol " + login + " --code <6 chiffres>");
            return 0;
        }
    }

    @Command(name = "totp-remove", description = "Retire le second facteur TOTP d'un compte.")
    static final class TotpRemove extends OneAccount {
        @Override
        int run(OperatorApi operator, String login) {
            operator.removeTotp(login);
            out().println(login + " : second facteur retiré.");
            return 0;
        }
    }

    @Command(name = "export", description = "Exporte les comptes en CSV pour revue (défaut : <home>/exports/comptes-<date>.csv).")
    static final class Export extends AccountCommand {
        @Option(names = "--out", paramLabel = "FICHIER") Path file;

        @Override
        int run(OperatorApi operator) throws IOException {
            Path target = file != null ? file : config().home().resolve("exports")
                    .resolve("comptes-" + LocalDate.now(CoreServices.PRACTICE_ZONE) + ".csv");
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            String csv = operator.exportAccounts();
            try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                writer.write(csv);
            }
            long count = csv.lines().count() - 1;
            out().println(count + " comptes exportés dans " + target);
            return 0;
        }
    }
}
