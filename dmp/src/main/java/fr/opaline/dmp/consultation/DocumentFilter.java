package fr.opaline.dmp.consultation;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filters of the DMP metadata list (SC.DMP/UX.27): document types (LOINC typeCode), creation
 * dates [from, to), author (part of the name), invisible to the patient only. Null or empty means
 * no filter. Types and dates also narrow the ITI-18 query itself.
 */
public record DocumentFilter(Set<String> typeCodes, Instant from, Instant to, String author, boolean invisibleOnly)
        implements Predicate<DmpDocument> {

    public static final DocumentFilter ALL = new DocumentFilter(Set.of(), null, null, null, false);

    public DocumentFilter {
        typeCodes = typeCodes == null ? Set.of() : Set.copyOf(typeCodes);
    }

    @Override
    public boolean test(DmpDocument d) {
        if (!typeCodes.isEmpty() && !typeCodes.contains(d.typeCode())) {
            return false;
        }
        Instant created = d.createdAt();
        if (from != null && (created == null || created.isBefore(from))) {
            return false;
        }
        if (to != null && (created == null || !created.isBefore(to))) {
            return false;
        }
        if (author != null && !author.isBlank()) {
            String name = d.author() == null ? "" : d.author().toLowerCase(Locale.ROOT);
            if (!name.contains(author.strip().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return !invisibleOnly || d.invisibleToPatient();
    }
}
