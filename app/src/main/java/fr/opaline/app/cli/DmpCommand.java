package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.DmpWiring;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.outbox.JobState;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.user.Role;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.dica.DicaChecklist;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dmp", description = "DMP / Mon espace santé : checklist DICA d'un patient, file des envois au DMP.",
        subcommands = {DmpCommand.Status.class, DmpCommand.Queue.class})
final class DmpCommand implements Runnable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "status", description = "Affiche la checklist DICA d'un patient (sans interroger le DMP) : "
            + "DMP, INS, consentement, authentification, avec le motif et l'action à mener. Code 0 si l'accès est possible, 1 sinon.")
    static final class Status extends Subcommand implements Callable<Integer> {
        @Option(names = "--patient", required = true, paramLabel = "IPP") String ipp;

        @Option(names = "--user", paramLabel = "IDENTIFIANT",
                description = "Professionnel pour qui évaluer (défaut : le dernier à avoir consulté ce DMP, sinon le premier radiologue). "
                        + "La ligne de commande n'ouvre pas de session : la condition « Authentification » y est toujours non satisfaite.")
        String login;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                List<Patient> found = new PatientRepository(core.database.dsl()).findByIpp(ipp.trim());
                if (found.isEmpty()) {
                    throw new NotFoundException("Aucun patient d'IPP « " + ipp + " ».");
                }
                Patient patient = found.get(0);
                UserAccount user = user(core, patient);
                DicaChecklist dica = DmpWiring.dmpServices(core).dica().evaluate(patient.id(), new DmpUser(user, null, null));
                out().println("DICA de " + patient.displayName() + " (IPP " + patient.ipp() + ") pour "
                        + user.displayName() + " : " + (dica.canConsult() ? "accès au DMP possible" : "accès au DMP impossible"));
                dica.lines().forEach(l -> out().println("  " + l));
                return dica.canConsult() ? 0 : 1;
            }
        }

        private UserAccount user(CoreServices core, Patient patient) {
            UserRepository users = new UserRepository(core.database.dsl());
            if (login != null) {
                return users.findByLogin(login.trim())
                        .orElseThrow(() -> new NotFoundException("Aucun utilisateur « " + login + " »."));
            }
            var last = core.database.dsl().select(fr.opaline.core.persistence.generated.Tables.DMP_RECORD_STATUS.USER_ID)
                    .from(fr.opaline.core.persistence.generated.Tables.DMP_RECORD_STATUS)
                    .where(fr.opaline.core.persistence.generated.Tables.DMP_RECORD_STATUS.PATIENT_ID.eq(patient.id()))
                    .orderBy(fr.opaline.core.persistence.generated.Tables.DMP_RECORD_STATUS.CHECKED_AT.desc()).limit(1)
                    .fetchOptional(r -> r.value1());
            return last.flatMap(users::findById).or(() -> users.findByRole(Role.RADIOLOGUE).stream().findFirst())
                    .orElseThrow(() -> new NotFoundException("Aucun radiologue : indiquez --user."));
        }
    }

    @Command(name = "queue", description = "Liste les envois au DMP (alimentation, visibilité, autorisations) et leur état, du plus récent au plus ancien.")
    static final class Queue extends Subcommand implements Callable<Integer> {
        @Option(names = "--state", split = ",", paramLabel = "ETAT",
                description = "PENDING, LEASED, HELD, DONE, FAILED, CANCELLED (plusieurs séparés par des virgules ; défaut : tous).")
        Set<JobState> states;

        @Option(names = "--limit", defaultValue = "50", description = "Nombre maximal de lignes (défaut : ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                List<OutboxJob> jobs = DmpWiring.dmpServices(core).feeding().queue(null,
                        states == null || states.isEmpty() ? EnumSet.allOf(JobState.class) : states, limit);
                if (jobs.isEmpty()) {
                    out().println("Aucun envoi au DMP.");
                    return 0;
                }
                out().printf("%-19s  %-9s  %-8s  %-19s  %s%n", "Créé le", "État", "Essais", "Échéance", "Envoi");
                for (OutboxJob job : jobs) {
                    out().printf("%-19s  %-9s  %3d/%-4d  %-19s  %s%s%n", TIME.format(job.createdAt()), job.state(),
                            job.attempts(), job.maxAttempts(), job.dueAt() == null ? "" : TIME.format(job.dueAt()),
                            job.subject() == null ? job.type() : job.subject(),
                            job.lastError() == null ? "" : " — " + job.lastError());
                }
                return 0;
            }
        }
    }
}
