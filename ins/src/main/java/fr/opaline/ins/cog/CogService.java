package fr.opaline.ins.cog;

import fr.opaline.core.audit.AuditEntry;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Actor;
import fr.opaline.core.common.IdGenerator;
import fr.opaline.core.common.SearchKeys;
import fr.opaline.core.persistence.Database;
import fr.opaline.ins.InsRuleException;
import fr.opaline.ins.traits.TraitRules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The COG referential of birthplaces (SC.INS.01–06): imports of the INSEE files and of the npm
 * package {@code @etalab/decoupage-administratif}, lookup by code and by name at a date (the
 * birth date), the commune a merged one belongs to today, and acceptance of a code INSi
 * returned that the referential lacks.
 */
public final class CogService {

    public static final String AUDIT_IMPORTED = "COG_IMPORTED";
    public static final String AUDIT_CODE_ACCEPTED = "COG_CODE_ACCEPTED";
    static final CogPlace UNKNOWN = new CogPlace(TraitRules.UNKNOWN_BIRTHPLACE, CogPlaceKind.INCONNU, "INCONNU",
            null, null, null, "cog");

    private final Database database;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public CogService(Database database, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** Imports the INSEE files of a folder; all or nothing. */
    public CogImportReport importInsee(Path folder, Actor actor) throws IOException {
        InseeCogImporter.Content content = new InseeCogImporter().read(folder);
        if (content.placesBySource().isEmpty() && content.events().isEmpty()) {
            throw new CogFormatException("Aucun fichier du COG reconnu dans " + folder
                    + " (communes, communes depuis 1943, mouvements, pays, collectivités d'outre-mer).");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        database.inTransactionRun(ctx -> {
            CogRepository repository = new CogRepository(ctx);
            content.placesBySource().forEach((source, places) -> {
                repository.replaceSource(source, places, ids);
                counts.put(source, places.size());
            });
            if (!content.events().isEmpty()) {
                repository.replaceEvents(content.events(), ids);
            }
            audit.record(ctx, AuditEntry.of(actor, AUDIT_IMPORTED, null).on("cog", folder.getFileName())
                    .withDetail("INSEE : " + counts + ", " + content.events().size() + " événement(s)"));
        });
        return new CogImportReport(counts, content.events().size(), content.ignored());
    }

    /** Imports the communes of the npm package @etalab/decoupage-administratif (.tgz or communes.json). */
    public CogImportReport importEtalab(Path file, Actor actor) throws IOException {
        List<CogPlace> places = new EtalabCommunesImporter().read(file);
        database.inTransactionRun(ctx -> {
            new CogRepository(ctx).replaceSource(EtalabCommunesImporter.SOURCE, places, ids);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_IMPORTED, null).on("cog", file.getFileName())
                    .withDetail(EtalabCommunesImporter.SOURCE + " : " + places.size() + " code(s)"));
        });
        return new CogImportReport(Map.of(EtalabCommunesImporter.SOURCE, places.size()), 0, List.of());
    }

    /**
     * Imports the communes shipped with Opaline (current, delegated and associated communes,
     * arrondissements, former codes of merged communes) when the referential has none from that
     * source yet: a fresh installation knows the communes without any file to fetch. The dated
     * history and the countries still come from {@link #importInsee}.
     *
     * @return the import, or empty when the communes were already there
     */
    public Optional<CogImportReport> ensureBundledCommunes(Actor actor) throws IOException {
        if (counts().getOrDefault(EtalabCommunesImporter.SOURCE, 0) > 0) {
            return Optional.empty();
        }
        List<CogPlace> places = new EtalabCommunesImporter().readBundled();
        String version = EtalabCommunesImporter.bundledVersion();
        database.inTransactionRun(ctx -> {
            new CogRepository(ctx).replaceSource(EtalabCommunesImporter.SOURCE, places, ids);
            audit.record(ctx, AuditEntry.of(actor, AUDIT_IMPORTED, null).on("cog", EtalabCommunesImporter.BUNDLED)
                    .withDetail(EtalabCommunesImporter.SOURCE + " livré avec Opaline (" + version + ") : "
                            + places.size() + " code(s)"));
        });
        return Optional.of(new CogImportReport(Map.of(EtalabCommunesImporter.SOURCE, places.size()), 0, List.of()));
    }

    /** The place a code named on a date (the birth date), or empty when the code is unknown. */
    public Optional<CogEntry> lookup(String code, LocalDate at) {
        String c = normalize(code);
        if (c.equals(TraitRules.UNKNOWN_BIRTHPLACE)) {
            return Optional.of(new CogEntry(UNKNOWN, true, null, null));
        }
        CogRepository repository = new CogRepository(database.dsl());
        List<CogPlace> rows = repository.byCode(c);
        if (rows.isEmpty()) {
            return repository.accepted(c).map(p -> new CogEntry(p, true, null, null));
        }
        rows = withCurrentRowsDated(rows);
        Comparator<CogPlace> preference = Comparator.comparing((CogPlace p) -> !p.validAt(at))
                .thenComparing(CogPlace::kind)
                .thenComparing(p -> p.validFrom() == null ? LocalDate.MIN : p.validFrom(), Comparator.reverseOrder());
        CogPlace best = rows.stream().min(preference).orElseThrow();
        String[] current = current(repository, best);
        return Optional.of(new CogEntry(best, best.validAt(at), current[0], current[1]));
    }

    /** Places whose name starts with the prefix (accents, case, hyphens ignored), valid on the date when given. */
    public List<CogPlace> search(String namePrefix, LocalDate at, int limit) {
        String folded = SearchKeys.fold(namePrefix);
        if (folded == null || folded.isEmpty()) {
            return List.of();
        }
        List<CogPlace> found = new ArrayList<>();
        for (CogPlace p : new CogRepository(database.dsl()).byNamePrefix(folded, Math.max(limit * 4, limit))) {
            if (p.validAt(at) && p.kind() != CogPlaceKind.ANCIEN_CODE && found.stream().noneMatch(f ->
                    f.code().equals(p.code()) && f.name().equals(p.name()))) {
                found.add(p);
            }
            if (found.size() == limit) {
                break;
            }
        }
        return found;
    }

    public boolean isKnown(String code) {
        String c = normalize(code);
        return c.equals(TraitRules.UNKNOWN_BIRTHPLACE) || new CogRepository(database.dsl()).known(c);
    }

    /** A user accepts a birthplace code INSi returned that the referential lacks (SC.INS.05). */
    public void accept(String code, String name, String reason, Actor actor) {
        String c = normalize(code);
        if (!InseeCogImporter.CODE.matcher(c).matches()) {
            throw new InsRuleException("Code INSEE « " + code + " » invalide : 5 caractères attendus.");
        }
        database.inTransactionRun(ctx -> {
            if (new CogRepository(ctx).accept(c, name, clock.instant(), actor.login(), reason)) {
                audit.record(ctx, AuditEntry.of(actor, AUDIT_CODE_ACCEPTED, null).on("cog", c)
                        .withDetail((name == null ? "" : name + " : ") + (reason == null ? "" : reason)));
            }
        });
    }

    public Map<String, Integer> counts() {
        return new CogRepository(database.dsl()).countsBySource();
    }

    /**
     * The current communes file has no dates; when the "since 1943" history dates a code, its
     * current row holds only from the start of the latest dated period.
     */
    static List<CogPlace> withCurrentRowsDated(List<CogPlace> rows) {
        LocalDate latestStart = rows.stream().filter(p -> p.validFrom() != null || p.validTo() != null)
                .map(p -> p.validFrom() == null ? LocalDate.MIN : p.validFrom()).max(Comparator.naturalOrder()).orElse(null);
        if (latestStart == null) {
            return rows;
        }
        List<CogPlace> out = new ArrayList<>(rows.size());
        for (CogPlace p : rows) {
            boolean undatedCommune = p.kind() == CogPlaceKind.COMMUNE && p.validFrom() == null && p.validTo() == null;
            out.add(undatedCommune ? new CogPlace(p.code(), p.kind(), p.name(),
                    latestStart.equals(LocalDate.MIN) ? null : latestStart, null, p.parentCode(), p.source()) : p);
        }
        return out;
    }

    private static String[] current(CogRepository repository, CogPlace place) {
        String code = place.code();
        String name = null;
        if ((place.kind() == CogPlaceKind.ANCIEN_CODE || place.kind() == CogPlaceKind.COMMUNE_DELEGUEE
                || place.kind() == CogPlaceKind.COMMUNE_ASSOCIEE) && place.parentCode() != null) {
            code = place.parentCode();
        }
        for (int hops = 0; hops < 10; hops++) {
            String from = code;
            List<CogEvent> moves = repository.eventsFrom(from);
            if (moves.isEmpty()) {
                break;
            }
            LocalDate latest = moves.get(moves.size() - 1).effectiveDate();
            Optional<CogEvent> away = moves.stream().filter(e -> e.effectiveDate().equals(latest))
                    .filter(e -> !e.codeAfter().equals(from) && !"COMD".equals(e.kindAfter())
                            && !"COMA".equals(e.kindAfter()))
                    .findFirst();
            if (away.isEmpty()) {
                break;
            }
            code = away.get().codeAfter();
            name = away.get().nameAfter();
        }
        if (code.equals(place.code()) && place.kind() != CogPlaceKind.ANCIEN_CODE) {
            return new String[] {null, null};
        }
        if (name == null) {
            name = repository.byCode(code).stream().filter(p -> p.kind() == CogPlaceKind.COMMUNE && p.validTo() == null)
                    .map(CogPlace::name).findFirst().orElse(null);
        }
        return new String[] {code, name};
    }

    private static String normalize(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
