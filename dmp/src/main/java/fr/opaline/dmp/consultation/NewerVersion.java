package fr.opaline.dmp.consultation;

import java.util.UUID;

/** A document integrated from the DMP that has since been replaced there (CDA/DD.05 notice). */
public record NewerVersion(UUID localDocumentId, String uniqueId, String title) {

    public String notice() {
        return "Une version plus récente de « " + title + " » existe dans le DMP.";
    }
}
