package fr.opaline.server;

import fr.opaline.api.Birthplace;
import fr.opaline.api.CommuneApi;
import fr.opaline.ins.cog.CogEntry;
import fr.opaline.ins.cog.CogPlace;
import fr.opaline.ins.cog.CogPlaceKind;
import fr.opaline.ins.cog.CogService;
import java.time.LocalDate;
import java.util.List;

/** Birthplaces by name over the ins module's COG referential. */
public final class CommuneEndpoint implements CommuneApi {

    private static final int LIMIT = 20;

    private final CogService cog;

    public CommuneEndpoint(CogService cog) {
        this.cog = cog;
    }

    @Override
    public List<Birthplace> search(String name, LocalDate birthDate) {
        if (name == null || name.strip().length() < 2) {
            return List.of();
        }
        return cog.search(name.strip(), birthDate, LIMIT).stream().map(p -> of(p, null)).toList();
    }

    @Override
    public Birthplace describe(String code, LocalDate birthDate) {
        return code == null || code.isBlank() ? null : cog.lookup(code, birthDate).map(CommuneEndpoint::of).orElse(null);
    }

    private static Birthplace of(CogEntry entry) {
        String today = entry.currentCode() != null && !entry.currentCode().equals(entry.place().code())
                ? (entry.currentName() == null ? "" : entry.currentName() + " ") + "(" + entry.currentCode() + ")" : null;
        return of(entry.place(), today);
    }

    private static Birthplace of(CogPlace p, String today) {
        boolean abroad = p.code().startsWith("99");
        String departement = abroad || p.kind() == CogPlaceKind.COLLECTIVITE_OUTRE_MER
                || p.kind() == CogPlaceKind.INCONNU ? null : departement(p.code());
        String name = p.kind() == CogPlaceKind.ANCIEN_CODE ? "Ancienne commune " + p.code() : p.name();
        return new Birthplace(p.code(), name, departement, p.kind().label(), abroad, today);
    }

    /** The département of a commune code: 3 characters overseas (971…976), else 2 (01…95, 2A, 2B). */
    static String departement(String code) {
        return code.startsWith("97") ? code.substring(0, 3) : code.substring(0, 2);
    }
}
