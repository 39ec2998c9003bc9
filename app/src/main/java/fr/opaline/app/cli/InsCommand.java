package fr.opaline.app.cli;

import fr.opaline.app.wiring.CoreServices;
import fr.opaline.app.wiring.InsWiring;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.BusinessRuleException;
import fr.opaline.core.common.NotFoundException;
import fr.opaline.core.patient.IdentityStatus;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.patient.Sex;
import fr.opaline.ins.InsRuleException;
import fr.opaline.ins.cog.CogEntry;
import fr.opaline.ins.cog.CogImportReport;
import fr.opaline.ins.cog.CogPlace;
import fr.opaline.ins.datamatrix.DatamatrixInsImage;
import fr.opaline.ins.datamatrix.DatamatrixInsParser;
import fr.opaline.ins.datamatrix.DatamatrixInsPayload;
import fr.opaline.ins.datamatrix.ScannedIns;
import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ins.insi.TraitComparison;
import fr.opaline.ins.matricule.MatriculeCheck;
import fr.opaline.ins.matricule.MatriculeRules;
import fr.opaline.ins.traits.TraitRules;
import fr.opaline.ins.trust.Channel;
import fr.opaline.ins.trust.TrustedCorrespondent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ins", description = "Identité nationale de santé : matricule, Datamatrix INS, INSi, référentiel COG, contrats de confiance.",
        subcommands = {InsCommand.Check.class, InsCommand.Datamatrix.class, InsCommand.Decode.class, InsCommand.Lookup.class,
                InsCommand.Cog.class, InsCommand.Correspondents.class})
final class InsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static Actor actor() {
        return Actor.system("cli:" + System.getProperty("user.name", "opaline"));
    }

    @Command(name = "check", description = "Vérifie un matricule INS (format NIR/NIA, clé, Corse 2A/2B) : code 0 s'il est valide, 1 sinon.")
    static final class Check extends Subcommand implements Callable<Integer> {
        @Parameters(paramLabel = "MATRICULE", arity = "1..*", description = "15 caractères ; les espaces sont ignorés.")
        List<String> matricule;

        @Option(names = "--oid", description = "OID de l'INS à vérifier aussi.")
        String oid;

        @Override
        public Integer call() {
            MatriculeCheck check = MatriculeRules.check(String.join("", matricule));
            if (!check.valid()) {
                check.problems().forEach(p -> err().println("Matricule INS invalide : " + p));
                return 1;
            }
            String m = check.normalized();
            if (oid != null) {
                try {
                    MatriculeRules.requireValid(new InsNumber(m, oid));
                } catch (InsRuleException e) {
                    err().println("INS invalide : " + e.getMessage());
                    return 1;
                }
            }
            out().println("Matricule INS valide : " + m.charAt(0) + " " + m.substring(1, 3) + " " + m.substring(3, 5) + " "
                    + m.substring(5, 7) + " " + m.substring(7, 10) + " " + m.substring(10, 13) + " clé " + m.substring(13)
                    + (oid == null ? "" : " (" + MatriculeRules.oidLabel(oid) + ")"));
            return 0;
        }
    }

    @Command(name = "datamatrix", description = "Écrit le Datamatrix INS (PNG) d'un patient ou d'une INS saisie.")
    static final class Datamatrix extends Subcommand implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--patient", paramLabel = "IPP", description = "IPP d'un patient dont l'INS est qualifiée.")
            String ipp;

            @ArgGroup(exclusive = false)
            Typed typed;
        }

        static final class Typed {
            @Option(names = "--matricule", required = true) String matricule;
            @Option(names = "--oid", required = true) String oid;
            @Option(names = "--birth-first-names", required = true, description = "Prénoms de naissance, séparés par une espace.")
            String firstNames;
            @Option(names = "--birth-name", required = true) String birthName;
            @Option(names = "--sex", required = true, description = "F ou M.") String sex;
            @Option(names = "--birth-date", required = true, paramLabel = "YYYY-MM-DD") LocalDate birthDate;
            @Option(names = "--birthplace", paramLabel = "CODE", description = "Code INSEE du lieu de naissance.") String birthplace;
        }

        @Option(names = "--out", required = true, paramLabel = "FILE.png") Path out;

        @Option(names = "--module", defaultValue = "" + DatamatrixInsImage.DEFAULT_MODULE_PIXELS,
                description = "Pixels par module (défaut : ${DEFAULT-VALUE}).")
        int module;

        @Override
        public Integer call() throws Exception {
            InsNumber ins;
            IdentityTraits traits;
            if (source.ipp != null) {
                try (CoreServices core = CoreServices.open(config())) {
                    List<Patient> found = new PatientRepository(core.database.dsl()).findByIpp(source.ipp.trim());
                    if (found.isEmpty()) {
                        throw new NotFoundException("Aucun patient d'IPP « " + source.ipp + " ».");
                    }
                    Patient patient = core.patients.open(found.get(0).id(), actor());
                    if (patient.status() != IdentityStatus.QUALIFIEE || patient.ins() == null) {
                        throw new BusinessRuleException("L'identité de ce patient est « " + patient.status().label()
                                + " » : seule une INS qualifiée figure dans un Datamatrix INS.");
                    }
                    ins = patient.ins();
                    traits = patient.traits();
                }
            } else {
                Typed t = source.typed;
                ins = MatriculeRules.requireValid(new InsNumber(t.matricule, t.oid));
                Sex sex;
                try {
                    sex = Sex.valueOf(t.sex.trim().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InsRuleException("Le sexe doit être M ou F.");
                }
                traits = TraitRules.toInsForm(IdentityTraits.of(t.birthName, t.firstNames, t.birthDate, sex, t.birthplace));
                TraitRules.requireValid(traits, LocalDate.now());
            }
            String payload = DatamatrixInsPayload.of(ins, traits);
            Files.write(out, DatamatrixInsImage.png(payload, module));
            out().println("Datamatrix INS écrit : " + out + " (" + payload.length() + " caractères).");
            return 0;
        }
    }

    @Command(name = "decode", description = "Lit le texte d'un Datamatrix INS scanné (séparateur GS brut, ou écrit <GS>) : code 0 s'il est valide, 1 sinon.")
    static final class Decode extends Subcommand implements Callable<Integer> {
        @Parameters(paramLabel = "TEXTE") String text;

        @Override
        public Integer call() {
            String raw = text.replace("<GS>", "\u001D").replace("\\x1D", "\u001D").replace("\\x1d", "\u001D")
                    .replace("\\u001D", "\u001D").replace("\\u001d", "\u001D");
            ScannedIns s;
            try {
                s = DatamatrixInsParser.parse(raw);
            } catch (InsRuleException e) {
                err().println("Datamatrix INS invalide : " + e.getMessage());
                return 1;
            }
            IdentityTraits t = s.traits();
            out().println("Matricule INS : " + s.ins().matricule() + " (" + MatriculeRules.oidLabel(s.ins().oid()) + ", "
                    + s.ins().oid() + ")");
            out().println("Nom de naissance : " + t.birthName());
            out().println("Prénoms de naissance : " + t.birthFirstNames());
            out().println("Sexe : " + t.sex());
            out().println("Date de naissance : " + t.birthDate());
            out().println("Lieu de naissance : " + (t.birthplaceCode() == null ? "(absent)" : t.birthplaceCode()));
            out().println("Recherche patient : " + s.searchByIns() + " ; à défaut " + s.searchByTraits());
            return 0;
        }
    }

    @Command(name = "lookup", description = "Interroge le téléservice INSi (insi.url) avec des traits, selon la séquence du DSR ; n'écrit rien.")
    static final class Lookup extends Subcommand implements Callable<Integer> {
        @Option(names = "--birth-name", required = true) String birthName;
        @Option(names = "--birth-first-names", required = true) String firstNames;
        @Option(names = "--sex", required = true) Sex sex;
        @Option(names = "--birth-date", required = true, paramLabel = "YYYY-MM-DD") LocalDate birthDate;
        @Option(names = "--birthplace", paramLabel = "CODE") String birthplace;

        @Override
        public Integer call() {
            try (CoreServices core = CoreServices.open(config())) {
                InsiLookupResult r = InsWiring.insServices(core).lookup()
                        .lookup(IdentityTraits.of(birthName, firstNames, birthDate, sex, birthplace), null);
                out().println(r.outcome() + " : " + r.message() + " (consultation : rien n'est enregistré)");
                r.attempts().forEach(a -> out().println("  appel " + (a.withBirthplace() ? "avec" : "sans")
                        + " lieu de naissance → " + a.code() + " " + a.label()));
                if (r.identity() != null) {
                    out().println("  INS : " + r.identity().activeIns().matricule() + " ("
                            + MatriculeRules.oidLabel(r.identity().activeIns().oid()) + ")");
                    for (TraitComparison c : r.comparisons()) {
                        out().println("  " + c.trait() + " : " + (c.local() == null ? "—" : c.local()) + " / "
                                + c.insi() + " (" + c.concordance().label() + ")");
                    }
                }
                out().println("Conseil : " + r.advice());
                return r.identity() != null ? 0 : 1;
            }
        }
    }

    @Command(name = "cog", description = "Référentiel des codes officiels géographiques (lieux de naissance).",
            subcommands = {Cog.Import.class, Cog.Info.class, Cog.Lookup.class, Cog.Search.class, Cog.Accept.class})
    static final class Cog implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        @Command(name = "import", description = {"Importe un dossier de fichiers CSV de l'INSEE (communes, communes depuis 1943,",
                "mouvements, pays, collectivités d'outre-mer) ou le paquet npm @etalab/decoupage-administratif (.tgz ou communes.json)."})
        static final class Import extends Subcommand implements Callable<Integer> {
            @Parameters(paramLabel = "DOSSIER|FICHIER") Path source;

            @Override
            public Integer call() throws Exception {
                try (CoreServices core = CoreServices.open(config())) {
                    var cog = InsWiring.insServices(core).cog();
                    CogImportReport report = Files.isDirectory(source) ? cog.importInsee(source, actor())
                            : cog.importEtalab(source, actor());
                    out().println("COG importé : " + report.places() + " code(s) " + report.placesBySource() + ", "
                            + report.events() + " événement(s).");
                    if (!report.ignoredFiles().isEmpty()) {
                        out().println("Fichiers ignorés (non reconnus) : " + report.ignoredFiles());
                    }
                }
                return 0;
            }
        }

        @Command(name = "info", description = "Nombre de codes par source.")
        static final class Info extends Subcommand implements Callable<Integer> {
            @Override
            public Integer call() {
                try (CoreServices core = CoreServices.open(config())) {
                    InsWiring.insServices(core).cog().counts().forEach((k, v) -> out().println(k + " : " + v));
                }
                return 0;
            }
        }

        @Command(name = "lookup", description = "Ce que désignait un code INSEE à une date (de naissance) : code 0 s'il est connu, 1 sinon.")
        static final class Lookup extends Subcommand implements Callable<Integer> {
            @Parameters(paramLabel = "CODE") String code;
            @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;

            @Override
            public Integer call() {
                try (CoreServices core = CoreServices.open(config())) {
                    var found = InsWiring.insServices(core).cog().lookup(code, date);
                    if (found.isEmpty()) {
                        err().println("Code « " + code + " » absent du référentiel (il peut être accepté : opaline ins cog accept).");
                        return 1;
                    }
                    CogEntry e = found.get();
                    out().println(e.place().kind().label() + " : " + e.describe());
                    return 0;
                }
            }
        }

        @Command(name = "search", description = "Recherche par nom (accents et tirets ignorés), à une date si donnée.")
        static final class Search extends Subcommand implements Callable<Integer> {
            @Parameters(paramLabel = "NOM") String name;
            @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;

            @Override
            public Integer call() {
                try (CoreServices core = CoreServices.open(config())) {
                    List<CogPlace> places = InsWiring.insServices(core).cog().search(name, date, 30);
                    places.forEach(p -> out().println(p.code() + "  " + p.name() + "  (" + p.kind().label()
                            + (p.validTo() != null ? ", jusqu'au " + p.validTo() : "") + ")"));
                    return places.isEmpty() ? 1 : 0;
                }
            }
        }

        @Command(name = "accept", description = "Accepte un code de lieu de naissance renvoyé par INSi et absent du référentiel.")
        static final class Accept extends Subcommand implements Callable<Integer> {
            @Parameters(paramLabel = "CODE") String code;
            @Option(names = "--name", description = "Libellé du lieu, s'il est connu.") String name;
            @Option(names = "--reason", defaultValue = "Code renvoyé par le téléservice INSi") String reason;

            @Override
            public Integer call() {
                try (CoreServices core = CoreServices.open(config())) {
                    InsWiring.insServices(core).cog().accept(code, name, reason, actor());
                    out().println("Code " + code + " accepté.");
                }
                return 0;
            }
        }
    }

    @Command(name = "correspondents", description = "Correspondants avec lesquels un contrat de confiance sur l'identité est signé.",
            subcommands = {Correspondents.ListAll.class, Correspondents.Add.class, Correspondents.Disable.class})
    static final class Correspondents implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }

        @Command(name = "list", description = "Liste les correspondants.")
        static final class ListAll extends Subcommand implements Callable<Integer> {
            @Override
            public Integer call() {
                try (CoreServices core = CoreServices.open(config())) {
                    for (TrustedCorrespondent c : InsWiring.insServices(core).correspondents().list()) {
                        out().println(c.id() + "  " + c.name() + "  " + c.channel() + " " + c.identifier()
                                + (c.active() ? "" : "  (désactivé)") + (c.contractRef() == null ? "" : "  " + c.contractRef()));
                    }
                }
                return 0;
            }
        }

        @Command(name = "add", description = "Ajoute un correspondant sous contrat de confiance.")
        static final class Add extends Subcommand implements Callable<Integer> {
            @Option(names = "--name", required = true) String name;
            @Option(names = "--channel", required = true, description = "HL7, MSSANTE ou TELERADIOLOGIE.") Channel channel;
            @Option(names = "--identifier", required = true,
                    description = "Identifiant dans les flux : établissement émetteur HL7 (MSH-4), adresse MSSanté…") String identifier;
            @Option(names = "--contract", description = "Référence du contrat ou de la convention.") String contract;

            @Override
            public Integer call() {
                try (CoreServices core = CoreServices.open(config())) {
                    TrustedCorrespondent c = InsWiring.insServices(core).correspondents().add(name, channel, identifier, contract,
                            actor());
                    out().println("Correspondant ajouté : " + c.id());
                }
                return 0;
            }
        }

        @Command(name = "disable", description = "Désactive le contrat de confiance d'un correspondant.")
        static final class Disable extends Subcommand implements Callable<Integer> {
            @Parameters(paramLabel = "ID") UUID id;

            @Override
            public Integer call() {
                try (CoreServices core = CoreServices.open(config())) {
                    InsWiring.insServices(core).correspondents().setActive(id, false, actor());
                    out().println("Contrat de confiance désactivé.");
                }
                return 0;
            }
        }
    }
}
