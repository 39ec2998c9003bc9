package fr.opaline.app.cli;

import fr.opaline.api.OperatorApi;
import fr.opaline.api.client.ApiClient;
import fr.opaline.core.audit.AuditAnchors;
import fr.opaline.core.audit.AuditKey;
import fr.opaline.core.audit.AuditKeyException;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.audit.AuditVerification;
import fr.opaline.core.backup.BackupManifest;
import fr.opaline.core.backup.DatabaseBackup;
import fr.opaline.core.persistence.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "Journal d'audit.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", description = "Vérifie que le journal d'audit chaîné n'a pas été altéré (code 1 sinon) :"
            + " signatures HMAC avec la clé du serveur (audit.keyFile), ancres écrites hors de la base"
            + " (audit.anchorFile) et, avec --sauvegarde, la tête de chaîne enregistrée dans des sauvegardes.")
    static final class Verify extends Subcommand implements Callable<Integer> {

        @Option(names = "--sauvegarde", paramLabel = "FICHIER",
                description = "Sauvegarde(s) dont la tête de chaîne d'audit doit se retrouver dans la base.")
        List<Path> backups = List.of();

        @Override
        public Integer call() {
            var config = config();
            Optional<ApiClient> running = OperatorLink.running(config);
            if (running.isPresent()) {
                try (ApiClient client = running.get()) {
                    OperatorApi operator = client.api(OperatorApi.class);
                    return report(operator.verifyAudit(), (seq, hash, source) -> operator.checkAuditAnchor(seq, hash, source));
                }
            }
            try (Database database = Database.openAndMigrate(config.database())) {
                AuditTrail trail = new AuditTrail(database, Clock.systemUTC(),
                        AuditKey.load(config.auditKeyFile()).orElse(null), new AuditAnchors(config.auditAnchorFile()));
                AuditVerification result;
                try {
                    result = trail.verify();
                } catch (AuditKeyException e) {
                    err().println("Erreur : " + e.getMessage());
                    return 2;
                }
                return report(result, trail::checkAnchor);
            }
        }

        /** Compares a backup's chain head with the database's chain. */
        interface Anchor {
            AuditVerification check(long seq, String hash, String source);
        }

        private int report(AuditVerification result, Anchor anchor) {
            if (!result.intact()) {
                return broken(result);
            }
            for (Path backup : backups) {
                BackupManifest manifest = new DatabaseBackup(Clock.systemUTC()).verify(backup);
                if (manifest.auditSeq() == null) {
                    out().println("Sauvegarde " + backup.getFileName() + " : sans tête de chaîne d'audit (faite avant"
                            + " cette version), non comparée.");
                    continue;
                }
                AuditVerification anchored = anchor.check(manifest.auditSeq(), manifest.auditHash(),
                        "la sauvegarde " + backup.getFileName());
                if (!anchored.intact()) {
                    return broken(anchored);
                }
                out().println("Sauvegarde " + backup.getFileName() + " : l'événement n° " + manifest.auditSeq()
                        + " est inchangé.");
            }
            out().println("Journal d'audit intègre : " + result.eventsChecked() + " événement(s) vérifié(s)"
                    + (result.keyedFromSeq() == null ? ", chaîne non signée (aucune clé d'audit encore)"
                            : ", signés (HMAC-SHA256) à partir du n° " + result.keyedFromSeq())
                    + ", " + result.anchorsChecked() + " ancre(s) hors base comparée(s).");
            return 0;
        }

        private int broken(AuditVerification result) {
            err().println("Journal d'audit ALTÉRÉ à l'événement n° " + result.firstBrokenSeq() + " : " + result.problem()
                    + " (" + result.eventsChecked() + " événement(s) intègres avant).");
            return 1;
        }
    }
}
