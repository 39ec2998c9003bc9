package fr.opaline.dmp.consultation;

import java.util.List;

/**
 * The counts shown on opening the record without a click (SC.DMP/UX.14): documents fed by third
 * parties since the last visit, how many of them are invisible to the patient, and the totals.
 */
public record DmpCounts(int newSinceLastVisit, int newInvisible, int total, int totalInvisible) {

    public static final DmpCounts NONE = new DmpCounts(0, 0, 0, 0);

    static DmpCounts of(List<DmpDocument> documents) {
        int fresh = 0;
        int freshInvisible = 0;
        int invisible = 0;
        for (DmpDocument d : documents) {
            if (d.invisibleToPatient()) {
                invisible++;
            }
            if (d.thirdParty() && d.newSinceLastVisit()) {
                fresh++;
                if (d.invisibleToPatient()) {
                    freshInvisible++;
                }
            }
        }
        return new DmpCounts(fresh, freshInvisible, documents.size(), invisible);
    }

    /** "3 nouveaux documents depuis votre dernière consultation, dont 1 invisible au patient". */
    public String describe() {
        String text = newSinceLastVisit == 0 ? "Aucun nouveau document depuis votre dernière consultation"
                : newSinceLastVisit + (newSinceLastVisit == 1 ? " nouveau document" : " nouveaux documents")
                + " depuis votre dernière consultation";
        if (newInvisible > 0) {
            text += ", dont " + newInvisible + " invisible" + (newInvisible > 1 ? "s" : "") + " au patient";
        }
        return text + " (" + total + " au total)";
    }
}
