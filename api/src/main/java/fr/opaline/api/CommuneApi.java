package fr.opaline.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Birthplaces by name: the communes (current, delegated, associated, arrondissements) shipped with
 * Opaline and, when the INSEE files were imported, the dated history and the countries (99xxx).
 */
@Area("communes")
public interface CommuneApi {

    /** Places whose name starts with {@code name} (accents, case, hyphens ignored), valid at the birth date when given. */
    @Access(purpose = "choisir un lieu de naissance")
    List<Birthplace> search(String name, LocalDate birthDate);

    /** What a code named at the birth date (to show a name, never a bare code); null when unknown. */
    @Access(purpose = "afficher un lieu de naissance")
    Birthplace describe(String code, LocalDate birthDate);
}
