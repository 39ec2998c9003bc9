package fr.opaline.app.cli;

import fr.opaline.app.seed.Seeder;
import fr.opaline.core.persistence.Database;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "seed", description = {
        "Remplit une base vide avec un cabinet fictif : patients (INS de test), salles, catalogue, rendez-vous.",
        "Même graine et même date de début : mêmes données."})
final class SeedCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--patients", defaultValue = "1000", description = "Nombre de patients (défaut : ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--days", defaultValue = "5", description = "Jours d'agenda à remplir (défaut : ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "Graine du générateur (défaut : ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", description = "Premier jour d'agenda (défaut : aujourd'hui).")
    LocalDate start;

    @Override
    public Integer call() {
        LocalDate first = start != null ? start : LocalDate.now(ZoneId.of("Europe/Paris"));
        var config = config();
        try (Database database = Database.openAndMigrate(config.database())) {
            int step = Math.max(1, patients / 10);
            Seeder.Result result = new Seeder(config, database).seed(new Seeder.Plan(patients, days, seed, first), done -> {
                if (done % step == 0 || done == patients) {
                    err().printf("  patients : %d/%d%n", done, patients);
                    err().flush();
                }
            });
            out().printf("Jeu de données fictif créé : %d patients, %d rendez-vous, %d utilisateurs, à partir du %s (%.1f s).%n",
                    result.patients(), result.appointments(), result.users(), first, result.elapsed().toMillis() / 1000.0);
        }
        return 0;
    }
}
