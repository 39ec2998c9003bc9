package fr.opaline.dmp.consultation;

import fr.opaline.dmp.xds.XdsDocumentEntry;
import fr.opaline.dmp.xds.XdsTime;
import java.time.Instant;

/**
 * A document found in the patient's DMP, as the metadata list shows it.
 *
 * @param thirdParty        fed by another structure than the practice
 * @param newSinceLastVisit created since this user last consulted the record
 * @param held              already held by the practice (same CDA id, or same setId and version)
 */
public record DmpDocument(XdsDocumentEntry entry, boolean thirdParty, boolean newSinceLastVisit, boolean held) {

    public String uniqueId() {
        return entry.uniqueId();
    }

    public String title() {
        return entry.title();
    }

    public String typeCode() {
        return entry.typeCode() == null ? null : entry.typeCode().code();
    }

    public String typeLabel() {
        return entry.typeCode() == null ? null : entry.typeCode().displayName();
    }

    public Instant createdAt() {
        return entry.creationTime() == null ? null : XdsTime.parse(entry.creationTime());
    }

    public String author() {
        return entry.authorDisplayName();
    }

    public String institution() {
        return entry.authorInstitutionName();
    }

    /** Invisible to the patient: flagged in the list and in the counts. */
    public boolean invisibleToPatient() {
        return entry.invisibleToPatient();
    }

    public boolean hiddenFromLegalRepresentatives() {
        return entry.hiddenFromLegalRepresentatives();
    }
}
