package fr.opaline.app.cli;

import fr.opaline.app.wiring.PscWiring;
import fr.opaline.psc.api.CibaStarted;
import fr.opaline.psc.api.LinkRequest;
import fr.opaline.psc.api.LoginState;
import fr.opaline.psc.api.LoginStatus;
import fr.opaline.psc.api.ProfessionalView;
import fr.opaline.psc.api.SessionView;
import fr.opaline.psc.client.ProxyClient;
import fr.opaline.psc.proxy.LanCertificate;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "psc", description = "Pro Santé Connect par le proxy e-santé du serveur du cabinet.",
        subcommands = {PscCommand.Login.class, PscCommand.Certificate.class})
final class PscCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
            .withZone(ZoneId.of("Europe/Paris"));

    @Command(name = "login", description = {
            "Connexion Pro Santé Connect depuis ce poste, par le serveur du cabinet : CIBA (validation sur l'e-CPS)",
            "ou navigateur (code + PKCE). Affiche le code de vérification, attend, puis le professionnel authentifié."})
    static final class Login extends Subcommand implements Callable<Integer> {

        static final class Mode {
            @Option(names = "--ciba", description = "Validation sur l'application e-CPS (défaut).")
            boolean ciba;

            @Option(names = "--browser", description = "Connexion dans le navigateur de ce poste.")
            boolean browser;
        }

        @ArgGroup(exclusive = true)
        Mode mode;

        @Option(names = "--id", paramLabel = "IDNAT", description = "Identifiant national du professionnel (ex. 899700000000).")
        String nationalId;

        @Option(names = "--provider", description = "Fournisseur d'identité (défaut : celui du serveur, PSC).")
        String provider;

        @Option(names = "--server", paramLabel = "URL", description = "Proxy e-santé (défaut : psc.proxy.url).")
        URI server;

        @Option(names = "--fingerprint", paramLabel = "SHA256", description = "Empreinte du certificat du serveur (défaut : psc.proxy.fingerprint).")
        String fingerprint;

        @Option(names = "--link", paramLabel = "IDENTIFIANT", description = "Sans compte rapproché : lier ce compte local (mot de passe demandé).")
        String link;

        @Option(names = "--keep", description = "Garder la session ouverte et afficher son jeton de session (sinon : déconnexion à la fin).")
        boolean keep;

        @Override
        public Integer call() {
            ProxyClient client = PscWiring.client(config(), server, fingerprint);
            PrintWriter out = out();
            LoginStatus status;
            if (mode != null && mode.browser) {
                status = client.browserLogin(provider, nationalId, uri -> {
                    out.println("Ouvrez cette adresse dans le navigateur de ce poste pour vous connecter :");
                    out.println("  " + uri);
                    out.flush();
                }, Duration.ofMinutes(10));
            } else {
                if (nationalId == null || nationalId.isBlank()) {
                    throw new IllegalArgumentException("--id est requis en mode CIBA (identifiant national, ex. 899700000000)");
                }
                CibaStarted started = client.startCiba(provider, nationalId.trim());
                out.println("Demande envoyée à Pro Santé Connect pour " + nationalId.trim() + ".");
                out.println("Code de vérification : " + started.bindingMessage()
                        + "  (vérifiez qu'il s'affiche sur votre e-CPS avant de valider)");
                out.println("En attente de validation sur l'e-CPS, jusqu'à " + TIME.format(started.expiresAt()) + "…");
                out.flush();
                status = client.awaitCiba(started, s -> { });
            }
            if (status.state() == LoginState.LINK_REQUIRED && link != null) {
                SessionView linked = client.link(status.sessionHandle(), new LinkRequest(null, link, readPassword(link), null));
                status = new LoginStatus(LoginState.AUTHENTICATED, "Compte lié.", 0, status.sessionHandle(), linked);
            }
            return report(client, status);
        }

        private int report(ProxyClient client, LoginStatus status) {
            PrintWriter out = out();
            if (status.state() != LoginState.AUTHENTICATED && status.state() != LoginState.LINK_REQUIRED) {
                err().println(status.message());
                return 1;
            }
            SessionView session = status.session();
            ProfessionalView p = session.professional();
            out.println("Authentifié : " + p.displayName() + " — identifiant national " + p.nationalId()
                    + (p.rpps() == null ? "" : ", RPPS " + p.rpps())
                    + (p.professionCode() == null ? "" : ", profession " + p.professionCode())
                    + (p.specialtyCode() == null ? "" : ", savoir-faire " + p.specialtyCode())
                    + " (" + session.provider() + ", " + session.method() + ")");
            if (session.account() != null) {
                out.println("Compte Opaline : " + session.account().login() + " — " + session.account().displayName()
                        + " (" + session.account().role() + ")");
                out.println("Session valable jusqu'au " + TIME.format(session.endsAt()) + ".");
            } else {
                out.println(status.message());
                session.candidates().forEach(c -> out.println("  compte proposé : " + c.login() + " — " + c.displayName()));
                out.println("Relancez avec --link <identifiant> pour lier votre compte local.");
            }
            if (keep) {
                out.println("Jeton de session : " + status.sessionHandle());
            } else {
                client.logout(status.sessionHandle());
                out.println("Session fermée (déconnexion en fin de commande ; --keep pour la garder).");
            }
            out.flush();
            return session.account() != null ? 0 : 1;
        }

        private String readPassword(String login) {
            Console console = System.console();
            if (console != null) {
                char[] password = console.readPassword("Mot de passe du compte %s : ", login);
                return password == null ? "" : new String(password);
            }
            try {
                return new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                        .readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "certificate", description = {
            "Affiche l'empreinte SHA-256 du certificat TLS du proxy e-santé (créé au premier lancement) et le fichier",
            "PEM à copier sur les postes, ou l'empreinte à y renseigner (psc.proxy.fingerprint)."})
    static final class Certificate extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            var material = PscWiring.certificate(config());
            out().println("Empreinte SHA-256 : " + LanCertificate.fingerprint(material.certificate()));
            out().println("Certificat (PEM)  : " + PscWiring.certificateFile(config()));
            out().println("Valable jusqu'au  : " + TIME.format(material.certificate().getNotAfter().toInstant()));
            return 0;
        }
    }
}
