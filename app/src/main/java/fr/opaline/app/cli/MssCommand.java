package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.MssWiring;
import fr.opaline.documents.xdm.XdmException;
import fr.opaline.mss.directory.DirectoryClient;
import fr.opaline.mss.directory.DirectoryEntry;
import fr.opaline.mss.directory.DirectoryException;
import fr.opaline.mss.directory.DirectoryQuery;
import fr.opaline.mss.inbound.InboundDocument;
import fr.opaline.mss.inbound.InboxPoller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mss", description = "Messagerie sécurisée de santé (MSSanté).",
        subcommands = {MssCommand.Import.class, MssCommand.Worklist.class, MssCommand.Attach.class, MssCommand.Reject.class,
                MssCommand.Poll.class, MssCommand.Directory.class})
final class MssCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static void print(java.io.PrintWriter out, InboundDocument d) {
        out.println(d.id() + "  " + d.status().label() + "  " + d.action() + "  " + (d.title() == null ? "" : d.title())
                + "  " + d.documentUid());
        if (d.birthName() != null || d.insMatricule() != null) {
            out.println("    patient du document : " + (d.birthName() == null ? "?" : d.birthName()) + " "
                    + (d.birthFirstNames() == null ? "" : d.birthFirstNames()) + ", né(e) le " + d.birthDate() + ", sexe "
                    + d.sex() + ", INS " + (d.insMatricule() == null ? "absent" : d.insMatricule()));
        }
        if (d.errorLabel() != null) {
            out.println("    " + (d.errorCode() == null ? "" : d.errorCode() + " ") + d.errorLabel());
        }
    }

    @Command(name = "import", description = {"Importe les CDA d'une archive IHE_XDM.zip : intégration automatique si l'INS "
            + "qualifiée correspond exactement, sinon liste de travail d'intégration.",
            "Code de sortie : 0 tout intégré, 1 document(s) en attente ou rejeté(s), 2 archive refusée ou illisible."})
    static final class Import extends Subcommand implements Callable<Integer> {

        @Parameters(paramLabel = "FICHIER", description = "L'archive IHE_XDM.zip.")
        Path file;

        @Override
        public Integer call() {
            byte[] zip;
            try {
                zip = Files.readAllBytes(file);
            } catch (IOException e) {
                err().println("Fichier illisible : " + file + " (" + e.getMessage() + ")");
                return 2;
            }
            try (CoreServices core = CoreServices.open(config())) {
                List<InboundDocument> results = MssWiring.integration(core).importXdm(zip, file.getFileName().toString(),
                        InsCommand.actor());
                results.forEach(d -> print(out(), d));
                return results.stream().allMatch(d -> d.status() == fr.opaline.mss.inbound.InboundStatus.INTEGRE) ? 0 : 1;
            } catch (XdmException e) {
                err().println(e.getMessage() + " Rien n'a été importé.");
                return 2;
            }
        }
    }

    @Command(name = "worklist", description = "Documents reçus en attente de rapprochement avec un patient.")
    static final class Worklist extends Subcommand implements Callable<Integer> {

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                List<InboundDocument> waiting = MssWiring.integration(core).worklist(200);
                if (waiting.isEmpty()) {
                    out().println("Aucun document en attente.");
                }
                waiting.forEach(d -> print(out(), d));
                return 0;
            }
        }
    }

    @Command(name = "attach", description = "Intègre un document en attente dans le dossier du patient choisi.")
    static final class Attach extends Subcommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DOCUMENT", description = "Identifiant du document en attente.")
        UUID document;

        @Option(names = "--patient", required = true, description = "Identifiant du patient.")
        UUID patient;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                print(out(), MssWiring.integration(core).attach(document, patient, InsCommand.actor()));
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                err().println("Erreur : " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "reject", description = "Rejette un document en attente.")
    static final class Reject extends Subcommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DOCUMENT", description = "Identifiant du document en attente.")
        UUID document;

        @Option(names = "--reason", required = true, description = "Motif du rejet.")
        String reason;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                print(out(), MssWiring.integration(core).reject(document, reason, InsCommand.actor()));
                return 0;
            } catch (IllegalArgumentException | IllegalStateException e) {
                err().println("Erreur : " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "poll", description = "Relève maintenant la BAL applicative (IMAP) et intègre ce qu'elle contient.")
    static final class Poll extends Subcommand implements Callable<Integer> {

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                Optional<InboxPoller.Poll> poll = MssWiring.pollOnce(core);
                if (poll.isEmpty()) {
                    err().println("MSSanté non configurée (mss.smtp, mss.imap, mss.applicative.address ou mss.operatorFile).");
                    return 2;
                }
                InboxPoller.Poll p = poll.get();
                out().println(p.messages() + " message(s) : " + p.integrated() + " document(s) intégré(s), " + p.worklisted()
                        + " en attente, " + p.refused() + " refusé(s), " + p.reports() + " accusé(s) de réception/lecture.");
                return 0;
            } catch (fr.opaline.mss.transport.MailTransportException e) {
                err().println("Erreur : " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "directory", description = "Recherche de correspondants dans l'annuaire MSSanté (nom, profession, ville, RPPS).")
    static final class Directory extends Subcommand implements Callable<Integer> {

        @Option(names = "--name", description = "Nom d'exercice.")
        String name;

        @Option(names = "--first-name", description = "Prénom.")
        String firstName;

        @Option(names = "--rpps", description = "Numéro RPPS (11 chiffres).")
        String rpps;

        @Option(names = "--profession", description = "Code de profession (10 médecin, 60 infirmier…).")
        String profession;

        @Option(names = "--town", description = "Ville d'exercice.")
        String town;

        @Override
        public Integer call() {
            Optional<DirectoryClient> directory = MssWiring.directory(config());
            if (directory.isEmpty()) {
                err().println("Annuaire non configuré (mss.directory.url ou mss.operatorFile).");
                return 2;
            }
            DirectoryQuery query = new DirectoryQuery(name, firstName, rpps, profession, town, 50);
            if (!query.searchable()) {
                err().println("Précisez au moins --name ou --rpps.");
                return 2;
            }
            try {
                List<DirectoryEntry> found = directory.get().search(query);
                if (found.isEmpty()) {
                    out().println("Aucun résultat.");
                }
                for (DirectoryEntry e : found) {
                    out().println(e.mssAddress() + "  " + e.displayName() + "  " + (e.profession() == null ? "" : e.profession())
                            + "  " + (e.town() == null ? "" : e.town()) + "  RPPS " + (e.rpps() == null ? "-" : e.rpps())
                            + "  [" + e.mailboxType() + "]");
                }
                return 0;
            } catch (DirectoryException e) {
                err().println("Erreur : " + e.getMessage());
                return 1;
            }
        }
    }
}
