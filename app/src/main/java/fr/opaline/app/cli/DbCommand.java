package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.audit.AuditAction;
import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditAnchors;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.backup.BackupManifest;
import fr.opaline.core.backup.DatabaseBackup;
import fr.opaline.core.common.Actor;
import fr.opaline.core.persistence.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "db", description = "Base de données : migration, sauvegarde, restauration.",
        subcommands = {DbCommand.Migrate.class, DbCommand.Backup.class, DbCommand.Restore.class, DbCommand.Info.class,
                DbEncryptionCommands.Encrypt.class, DbEncryptionCommands.Decrypt.class})
final class DbCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "migrate", description = "Met le schéma de la base à jour.")
    static final class Migrate extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Database database = Database.open(config().database())) {
                var result = database.migrate();
                out().println("Schéma à jour (version " + database.schemaVersion() + ", " + result.migrationsExecuted
                        + " migration(s) appliquée(s)).");
            }
            return 0;
        }
    }

    @Command(name = "info", description = "Affiche la base configurée et la version de son schéma.")
    static final class Info extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Database database = Database.open(config().database())) {
                out().println("Base : " + database.settings().jdbcUrl());
                out().println("Schéma : " + (database.schemaVersion() == null ? "vide" : "version " + database.schemaVersion()));
            }
            return 0;
        }
    }

    @Command(name = "backup", description = "Sauvegarde complète et cohérente de la base dans un fichier zip.")
    static final class Backup extends Subcommand implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", description = "Fichier à écrire (défaut : <home>/backups/opaline-<date>.zip).")
        Path out;

        @Override
        public Integer call() {
            var config = config();
            Path target = out != null ? out : config.home().resolve("backups")
                    .resolve("opaline-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
            var running = OperatorLink.running(config);
            if (running.isPresent()) {
                try (var client = running.get()) {
                    var written = client.api(fr.opaline.api.OperatorApi.class).backup(target.toAbsolutePath().toString());
                    out().println("Sauvegarde écrite par le serveur du cabinet : " + written.file() + " (" + written.tables()
                            + " tables, " + written.rows() + " lignes, schéma " + written.schemaVersion() + ").");
                }
                return 0;
            }
            try (Database database = Database.openAndMigrate(config.database())) {
                BackupManifest manifest = new DatabaseBackup(Clock.systemUTC()).write(database, target);
                out().println("Sauvegarde écrite : " + target.toAbsolutePath() + " (" + manifest.tables().size()
                        + " tables, " + manifest.totalRows() + " lignes, schéma " + manifest.schemaVersion() + ").");
            }
            return 0;
        }
    }

    @Command(name = "restore", description = "Remplace tout le contenu de la base par celui d'une sauvegarde.")
    static final class Restore extends Subcommand implements Callable<Integer> {
        @Option(names = "--in", required = true, paramLabel = "FILE", description = "Sauvegarde à restaurer.")
        Path in;

        @Option(names = "--no-safety-backup",
                description = "Ne pas sauvegarder d'abord le contenu actuel (par défaut, il est sauvegardé avant d'être remplacé).")
        boolean noSafetyBackup;

        @Override
        public Integer call() {
            var config = config();
            DatabaseBackup backup = new DatabaseBackup(Clock.systemUTC());
            backup.verify(in);
            try (Database database = Database.openAndMigrate(config.database())) {
                if (!noSafetyBackup) {
                    Path safety = config.home().resolve("backups").resolve("avant-restauration-"
                            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
                    backup.write(database, safety);
                    out().println("Contenu actuel sauvegardé d'abord dans " + safety.toAbsolutePath());
                }
                BackupManifest manifest = backup.restore(database, in);
                Clock clock = Clock.system(CoreServices.PRACTICE_ZONE);
                AuditAnchors anchors = new AuditAnchors(config.auditAnchorFile());
                // The anchors written before describe the chain that was just replaced.
                new AuditTrail(database, clock, null, anchors).restored();
                AuditTrail.keyed(database, clock, config.auditKeyFile(), anchors).record(
                        AuditEntry.of(Actor.system("db-restore"), AuditAction.DATABASE_RESTORED, null)
                                .withDetail(in.getFileName() + " du " + manifest.createdAt()));
                out().println("Base restaurée depuis " + in + " (" + manifest.totalRows() + " lignes, sauvegarde du "
                        + manifest.createdAt() + ").");
            }
            return 0;
        }
    }
}
