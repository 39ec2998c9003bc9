package fr.opaline.app.cli;

import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.audit.AuditVerification;
import fr.opaline.core.persistence.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "audit", description = "Journal d'audit.", subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", description = "Vérifie que le journal d'audit chaîné n'a pas été altéré (code 1 sinon).")
    static final class Verify extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Database database = Database.openAndMigrate(config().database())) {
                AuditVerification result = new AuditTrail(database, Clock.systemUTC()).verify();
                if (result.intact()) {
                    out().println("Journal d'audit intègre : " + result.eventsChecked() + " événement(s) vérifié(s).");
                    return 0;
                }
                err().println("Journal d'audit ALTÉRÉ à l'événement n° " + result.firstBrokenSeq() + " : " + result.problem()
                        + " (" + result.eventsChecked() + " événement(s) intègres avant).");
                return 1;
            }
        }
    }
}
