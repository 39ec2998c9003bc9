package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.Hl7Wiring;
import fr.opaline.hl7.route.Hl7Route;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code opaline hl7 routes}: where Opaline sends its HL7 messages. Each route belongs to a
 * declared HL7 peer ({@code opaline hl7 peers}) and carries one kind of message: adt (identities),
 * orm (exams to a PACS) or pfi (validated CRs to a plateforme d'intégration).
 */
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = {"Routes HL7 sortantes : ce qu'Opaline envoie à un pair HL7 déclaré, et où.",
                "adt : identités créées (A28), modifiées (A31), fusionnées (A40) ; orm : examens programmés, déplacés,",
                "annulés vers un PACS (ORM^O01) ; pfi : comptes rendus validés vers une plateforme d'intégration",
                "(ORU^R01, DESTDMP renseigné). Chaque envoi passe par la file d'envoi (nouvel essai si le pair ne répond pas)."},
        subcommands = {Hl7RoutesCommand.ListAll.class, Hl7RoutesCommand.Set.class, Hl7RoutesCommand.Remove.class})
final class Hl7RoutesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liste les routes HL7 sortantes.")
    static final class ListAll extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                List<Hl7Route> routes = Hl7Wiring.routes(core).list();
                if (routes.isEmpty()) {
                    out().println("Aucune route HL7 sortante : Opaline n'envoie ni ADT, ni ORM, ni CR à une PFI.");
                }
                for (Hl7Route r : routes) {
                    out().println(r.id() + "  " + r.describe());
                }
            }
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {
            "Donne à un pair HL7 sa route d'un type (remplace la précédente de ce type).",
            "Exemples : opaline hl7 routes set PACS-APP orm pacs.cabinet.local:2575",
            "           opaline hl7 routes set PFI-APP pfi 10.0.0.12:6661 --tls"})
    static final class Set extends Subcommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PAIR", description = "Le pair : son MSH-3 ou son identifiant.")
        String peer;

        @Parameters(index = "1", paramLabel = "TYPE", description = "adt, orm ou pfi.")
        String kind;

        @Parameters(index = "2", paramLabel = "HÔTE:PORT", description = "Destination MLLP.")
        String destination;

        @Option(names = "--tls", description = "MLLP sur TLS (certificat client : hl7.routes.tls.keystore).")
        boolean tls;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                Hl7Route r = Hl7Wiring.routes(core).declare(peer, kind, destination, tls, InsCommand.actor());
                out().println("Route HL7 déclarée : " + r.describe());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Supprime la route d'un type d'un pair HL7.")
    static final class Remove extends Subcommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PAIR", description = "Le pair : son MSH-3 ou son identifiant.")
        String peer;

        @Parameters(index = "1", paramLabel = "TYPE", description = "adt, orm ou pfi.")
        String kind;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                Hl7Wiring.routes(core).remove(peer, kind, InsCommand.actor());
                out().println("Route HL7 " + kind + " de " + peer + " supprimée.");
            }
            return 0;
        }
    }
}
