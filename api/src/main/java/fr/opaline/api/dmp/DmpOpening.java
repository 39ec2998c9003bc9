package fr.opaline.api.dmp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What opening the patient's record in the DMP found.
 *
 * @param state  OPEN, CLOSED, ABSENT, UNAVAILABLE… (the dmp module's record state)
 * @param counts null unless the record is open
 */
public record DmpOpening(String state, String detail, Counts counts, List<Entry> documents,
                         List<NewerVersion> newerVersions) {

    public DmpOpening {
        documents = documents == null ? List.of() : List.copyOf(documents);
        newerVersions = newerVersions == null ? List.of() : List.copyOf(newerVersions);
    }

    /** Third-party documents since the user's last visit, invisible ones, and the totals. */
    public record Counts(int newSinceLastVisit, int newInvisible, int total, int totalInvisible) {
    }

    /** A document of the DMP as the metadata list shows it. */
    public record Entry(String uniqueId, String title, String typeCode, String typeLabel, Instant createdAt,
                        String author, String institution, boolean invisibleToPatient,
                        boolean hiddenFromLegalRepresentatives, boolean thirdParty, boolean newSinceLastVisit,
                        boolean held) {
    }

    /** A document integrated from the DMP that has since been replaced there. */
    public record NewerVersion(UUID localDocumentId, String uniqueId, String title) {
    }
}
