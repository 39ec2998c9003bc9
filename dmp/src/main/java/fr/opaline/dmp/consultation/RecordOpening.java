package fr.opaline.dmp.consultation;

import java.util.List;

/**
 * What opening a patient's record found in the DMP: the record's status, the counts shown
 * without a click, the metadata list (already fetched, shown on click), the notices of newer
 * versions, and whether the individual authorisation was set on the way.
 */
public record RecordOpening(RecordStatus status, DmpCounts counts, List<DmpDocument> documents,
                            List<NewerVersion> newerVersions, boolean authorizationSet) {

    public RecordOpening {
        documents = List.copyOf(documents);
        newerVersions = List.copyOf(newerVersions);
    }

    public boolean open() {
        return status.state() == RecordState.OPEN;
    }

    public List<DmpDocument> filter(DocumentFilter filter) {
        return documents.stream().filter(filter).toList();
    }
}
