package fr.opaline.worklist.mwl;

import fr.opaline.core.common.SearchKeys;
import fr.opaline.core.order.StepStatus;
import fr.opaline.worklist.data.Attributes;
import fr.opaline.worklist.data.Tags;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What of a query the database can narrow cheaply (indexed or exact columns). It only ever
 * keeps a superset of the matches: the exact annex K matching is done afterwards on the data
 * sets. Null or empty means "no condition".
 *
 * @param birthNamePrefix folded ({@link SearchKeys}) prefix of the birth name
 */
public record WorklistFilter(Set<StepStatus> statuses, LocalDate fromDate, LocalDate toDate, Set<String> modalities,
                             Set<String> stationAeTitles, String accessionNumber, String patientId,
                             String birthNamePrefix, Set<String> studyInstanceUids, String stepId,
                             String requestedProcedureId) {

    /** The SQL side of a C-FIND identifier; the identifier must have passed {@link QueryMatcher#compile}. */
    public static WorklistFilter of(Attributes query) {
        Attributes sps = firstItem(query, Tags.SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        Set<StepStatus> statuses = EnumSet.copyOf(StepStatus.ON_WORKLIST);
        List<String> wantedStatus = exactValues(sps, Tags.SCHEDULED_PROCEDURE_STEP_STATUS);
        if (!wantedStatus.isEmpty()) {
            statuses.removeIf(s -> !wantedStatus.contains(s.name()));
        }
        LocalDate from = null;
        LocalDate to = null;
        String date = sps == null ? null : sps.getString(Tags.SCHEDULED_PROCEDURE_STEP_START_DATE);
        if (date != null && !date.isBlank() && !date.contains("\\")) {
            DicomDates.Range<LocalDate> range = DicomDates.dateRange(date);
            from = range.from();
            to = range.to();
        }
        return new WorklistFilter(statuses, from, to,
                Set.copyOf(exactValues(sps, Tags.MODALITY)),
                Set.copyOf(exactValues(sps, Tags.SCHEDULED_STATION_AE_TITLE)),
                single(query, Tags.ACCESSION_NUMBER),
                single(query, Tags.PATIENT_ID),
                namePrefix(query.getString(Tags.PATIENT_NAME)),
                Set.copyOf(exactValues(query, Tags.STUDY_INSTANCE_UID)),
                single(sps, Tags.SCHEDULED_PROCEDURE_STEP_ID),
                single(query, Tags.REQUESTED_PROCEDURE_ID));
    }

    public static WorklistFilter everything() {
        return new WorklistFilter(StepStatus.ON_WORKLIST, null, null, Set.of(), Set.of(), null, null, null, Set.of(),
                null, null);
    }

    private static Attributes firstItem(Attributes query, int tag) {
        List<Attributes> items = query.getSequence(tag);
        return items == null || items.isEmpty() ? null : items.get(0);
    }

    /** The values of a key when all are literal (no wildcard); empty when the key does not narrow. */
    private static List<String> exactValues(Attributes attributes, int tag) {
        String value = attributes == null ? null : attributes.getString(tag);
        if (value == null || value.isBlank() || value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            return List.of();
        }
        return Arrays.stream(value.split("\\\\")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String single(Attributes attributes, int tag) {
        List<String> values = exactValues(attributes, tag);
        return values.size() == 1 ? values.get(0) : null;
    }

    /** The literal start of the family name, folded like the stored search key. */
    static String namePrefix(String patientName) {
        if (patientName == null) {
            return null;
        }
        String alphabetic = patientName.split("=", -1)[0];
        int end = alphabetic.length();
        for (char stop : new char[] {'*', '?', '^', '\\'}) {
            int at = alphabetic.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String prefix = SearchKeys.fold(alphabetic.substring(0, end));
        return prefix.isEmpty() ? null : prefix;
    }
}
