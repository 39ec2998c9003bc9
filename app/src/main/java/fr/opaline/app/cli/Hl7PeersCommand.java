package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.InsWiring;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.Hl7PeerDeclaration;
import fr.opaline.ins.trust.TrustedCorrespondent;
import fr.opaline.ins.trust.TrustedCorrespondents;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code opaline hl7 peers}: the HL7 peers the MLLP listener accepts (the trusted correspondents
 * of the HL7 and teleradiology channels). The server reads changes within a few seconds.
 */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = {"Pairs HL7 : qui peut envoyer quoi à l'écoute MLLP, et d'où.",
                "Un message d'un émetteur non déclaré, d'une autre adresse, sans le certificat déclaré ou d'un type",
                "non autorisé reçoit un AR qui dit pourquoi, est tracé et ne change rien."},
        subcommands = {Hl7PeersCommand.ListAll.class, Hl7PeersCommand.Add.class, Hl7PeersCommand.Update.class,
                Hl7PeersCommand.Remove.class})
final class Hl7PeersCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The options shared by add and update; null when not given. */
    static class PeerOptions {
        @Option(names = "--name", description = "Nom du pair (pour les personnes).")
        String name;

        @Option(names = "--channel", description = "HL7 (flux d'identités PAM, PFI…) ou TELERADIOLOGIE (défaut à l'ajout : HL7).")
        Channel channel;

        @Option(names = "--facility", description = "Établissement émetteur attendu en MSH-4 (vide : tout établissement).")
        String facility;

        @Option(names = "--addresses", split = ",", paramLabel = "ADRESSE",
                description = "Adresses sources autorisées, séparées par des virgules : adresse IP, plage a-b, bloc CIDR "
                        + "(192.168.10.0/24), ou * pour toutes (déconseillé).")
        List<String> addresses;

        @Option(names = "--certificate", paramLabel = "SHA256",
                description = "Empreinte SHA-256 du certificat client TLS exigé (vide : aucun).")
        String certificate;

        @Option(names = "--types", split = ",", paramLabel = "TYPE",
                description = "Messages autorisés, TYPE ou TYPE^ÉVÉNEMENT séparés par des virgules. Défaut à l'ajout : "
                        + "ADT^A01,ADT^A04,ADT^A05,ADT^A08,ADT^A28,ADT^A31 (HL7), ORU^R01 (TELERADIOLOGIE). "
                        + "La fusion d'identités (ADT^A40) doit être accordée explicitement.")
        List<String> types;

        @Option(names = "--identity-trust", arity = "1", paramLabel = "true|false",
                description = "Contrat de confiance sur l'identité signé avec ce pair (défaut à l'ajout : false).")
        Boolean identityTrust;

        @Option(names = "--contract", description = "Référence du contrat ou de la convention.")
        String contract;

        Hl7PeerDeclaration declaration(String application) {
            return new Hl7PeerDeclaration(name, channel, application, facility, addresses, certificate, types,
                    identityTrust, contract);
        }
    }

    static TrustedCorrespondents registry(CoreServices core) {
        return InsWiring.insServices(core).correspondents();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liste les pairs HL7 et leurs droits.")
    static final class ListAll extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                List<TrustedCorrespondent> peers = registry(core).hl7Peers();
                if (peers.isEmpty()) {
                    out().println("Aucun pair HL7 déclaré : l'écoute MLLP refuse tout message.");
                }
                for (TrustedCorrespondent p : peers) {
                    out().println(p.id() + "  " + TrustedCorrespondents.describe(p));
                }
            }
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Déclare un pair HL7.",
            "Exemple : opaline hl7 peers add GAM-HOPITAL --name \"GAM du CH\" --addresses 10.1.2.3 --types ADT^A28,ADT^A31,ADT^A08",
            "Téléradiologie : opaline hl7 peers add TLR-APP --channel TELERADIOLOGIE --name \"Plateforme\" --addresses 203.0.113.7"})
    static final class Add extends Subcommand implements Callable<Integer> {
        @Parameters(paramLabel = "MSH-3", description = "Application émettrice, telle qu'en MSH-3 de ses messages.")
        String application;

        @picocli.CommandLine.Mixin
        PeerOptions options = new PeerOptions();

        @Override
        public Integer call() {
            if (options.name == null) {
                options.name = application;
            }
            try (CoreServices core = CoreServices.open(config())) {
                TrustedCorrespondent p = registry(core).addHl7Peer(options.declaration(application), InsCommand.actor());
                out().println("Pair HL7 déclaré : " + TrustedCorrespondents.describe(p));
                if (p.allowedAddresses().isEmpty()) {
                    out().println("Attention : aucune adresse source ; ses messages seront refusés tant que --addresses "
                            + "n'est pas renseigné (opaline hl7 peers update " + p.identifier() + " --addresses …).");
                }
            }
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Modifie un pair HL7 : seules les options données changent.")
    static final class Update extends Subcommand implements Callable<Integer> {
        @Parameters(paramLabel = "MSH-3|ID", description = "Le pair : son MSH-3 ou son identifiant.")
        String peer;

        @Option(names = "--application", description = "Nouveau MSH-3.")
        String application;

        @Option(names = "--active", arity = "1", paramLabel = "true|false", description = "Activer ou désactiver le pair.")
        Boolean active;

        @picocli.CommandLine.Mixin
        PeerOptions options = new PeerOptions();

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                TrustedCorrespondents registry = registry(core);
                TrustedCorrespondent p = registry.updateHl7Peer(peer, options.declaration(application), InsCommand.actor());
                if (active != null && active != p.active()) {
                    registry.setActive(p.id(), active, InsCommand.actor());
                    p = registry.hl7Peer(p.identifier()).orElse(p);
                }
                out().println("Pair HL7 modifié : " + TrustedCorrespondents.describe(p));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Supprime un pair HL7 : plus aucun de ses messages n'est accepté.")
    static final class Remove extends Subcommand implements Callable<Integer> {
        @Parameters(paramLabel = "MSH-3|ID", description = "Le pair : son MSH-3 ou son identifiant.")
        String peer;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                registry(core).removeHl7Peer(peer, InsCommand.actor());
                out().println("Pair HL7 supprimé : " + peer);
            }
            return 0;
        }
    }
}
