package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.core.catalogue.CcamAct;
import fr.opaline.core.catalogue.CcamImport;
import fr.opaline.core.catalogue.ExamType;
import fr.opaline.core.common.BusinessRuleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import fr.opaline.core.catalogue.Modality;
import fr.opaline.core.catalogue.Room;
import fr.opaline.core.common.Actor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "catalogue", description = "Salles et examens du cabinet : liste et ajout (mêmes règles et même journal d'audit que l'écran Administration).",
        subcommands = {CatalogueCommand.Rooms.class, CatalogueCommand.Exams.class, CatalogueCommand.AddRoom.class,
                CatalogueCommand.AddExam.class, CatalogueCommand.Ccam.class})
final class CatalogueCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs with the core services; changes are audited as done by this command and the system user. */
    abstract static class CatalogueSubcommand extends Subcommand implements Callable<Integer> {
        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                return run(core, Actor.system("cli:" + System.getProperty("user.name", "?")));
            }
        }

        abstract int run(CoreServices core, Actor by);
    }

    @Command(name = "rooms", description = "Liste les salles (code, modalité, titre AE, nom).")
    static final class Rooms extends CatalogueSubcommand {
        @Override
        int run(CoreServices core, Actor by) {
            for (Room r : core.catalogue.rooms()) {
                out().printf("%-12s %-4s %-16s %s%s%n", r.code(), r.modality(), r.stationAeTitle(), r.name(),
                        r.active() ? "" : " (inactive)");
            }
            return 0;
        }
    }

    @Command(name = "exams", description = "Liste les examens (code, modalité, durée, code CCAM, libellé).")
    static final class Exams extends CatalogueSubcommand {
        @Override
        int run(CoreServices core, Actor by) {
            for (ExamType x : core.catalogue.examTypes()) {
                out().printf("%-12s %-4s %4d min %-13s %s%s%n", x.code(), x.modality(), x.durationMinutes(),
                        x.ccamCode() == null ? "" : x.ccamCode(), x.label(), x.active() ? "" : " (inactif)");
            }
            return 0;
        }
    }

    @Command(name = "add-room", description = "Ajoute une salle (le code est unique).")
    static final class AddRoom extends CatalogueSubcommand {
        @Parameters(index = "0", paramLabel = "CODE") String code;
        @Option(names = "--name", required = true, description = "Nom de la salle (ex. « Scanner 1 »).") String name;
        @Option(names = "--modality", required = true, description = "Modalité DICOM : CT, MR, US, CR, DX, MG…") Modality modality;
        @Option(names = "--ae-title", required = true, description = "Titre AE de la modalité (1 à 16 caractères).") String aeTitle;
        @Option(names = "--station", description = "Nom de station de la modalité (facultatif).") String station;

        @Override
        int run(CoreServices core, Actor by) {
            Room room = core.catalogue.addRoom(by, code, name, modality, aeTitle, station);
            out().println("Salle ajoutée : " + room.code() + " " + room.name() + " (" + room.modality() + ", AE "
                    + room.stationAeTitle() + ").");
            return 0;
        }
    }

    @Command(name = "add-exam", description = "Ajoute un examen au catalogue (le code est unique).")
    static final class AddExam extends CatalogueSubcommand {
        @Parameters(index = "0", paramLabel = "CODE") String code;
        @Option(names = "--label", required = true, description = "Libellé (ex. « Scanner thoracique »).") String label;
        @Option(names = "--modality", required = true, description = "Modalité DICOM : CT, MR, US, CR, DX, MG…") Modality modality;
        @Option(names = "--minutes", required = true, description = "Durée du créneau, de 5 à 480 minutes.") int minutes;
        @Option(names = "--ccam", description = "Code CCAM de l'acte (facultatif).") String ccam;

        @Override
        int run(CoreServices core, Actor by) {
            ExamType exam = core.catalogue.addExamType(by, code, label, modality, minutes, ccam);
            out().println("Examen ajouté : " + exam.code() + " " + exam.label() + " (" + exam.modality() + ", "
                    + exam.durationMinutes() + " min).");
            return 0;
        }
    }

    @Command(name = "ccam", description = "Actes CCAM : import d'un extrait (CSV) et liste des actes importés.",
            subcommands = {CcamImportCommand.class, CcamList.class})
    static final class Ccam implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    @Command(name = "import", description = "Importe un extrait de la CCAM : CSV séparé par « ; », en-tête nommant les"
            + " colonnes « code » et « libellé » (les autres colonnes de l'export ATIH/ameli sont ignorées) et,"
            + " facultative, « examen » : le code de l'examen du catalogue qui prend cet acte. Tout ou rien.")
    static final class CcamImportCommand extends CatalogueSubcommand {
        @Parameters(index = "0", paramLabel = "FICHIER.csv") Path file;

        @Override
        int run(CoreServices core, Actor by) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new BusinessRuleException("Fichier CCAM illisible : " + file + ".");
            }
            CcamImport result = core.catalogue.importCcam(by, content);
            out().println("Import CCAM : " + result.acts() + " acte(s) lu(s), dont " + result.added() + " nouveau(x) ; "
                    + result.examsMapped().size() + " examen(s) associé(s).");
            result.examsMapped().forEach(m -> out().println("  " + m));
            return 0;
        }
    }

    @Command(name = "list", description = "Liste les actes CCAM importés (code, libellé).")
    static final class CcamList extends CatalogueSubcommand {
        @Override
        int run(CoreServices core, Actor by) {
            for (CcamAct act : core.catalogue.ccamActs()) {
                out().printf("%-7s %s%n", act.code(), act.label());
            }
            return 0;
        }
    }
}
