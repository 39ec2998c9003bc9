package fr.opaline.core.statistics;

import static fr.opaline.core.persistence.generated.Tables.IDENTITY_STATUS_CHANGE;
import static fr.opaline.core.persistence.generated.Tables.PATIENT;

import fr.opaline.core.patient.IdentityStatus;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Identities per status at the end of each month (TBB.INS.03): the status a patient had then is
 * the last change recorded before the month ended; with no change before, the status the first
 * later change started from; with no change at all, the current one. Merged identities are not
 * counted (their survivor is).
 */
final class IdentityStatuses implements StatisticSource {

    private record Change(Instant at, String from, String to) {
    }

    private record Identity(Instant createdAt, String current, List<Change> changes) {

        /** The status at {@code end} (exclusive), or null when the identity did not exist yet. */
        String statusBefore(Instant end) {
            if (!createdAt.isBefore(end)) {
                return null;
            }
            String status = null;
            for (Change change : changes) {
                if (change.at().isBefore(end)) {
                    status = change.to();
                } else {
                    return status != null ? status : change.from() != null ? change.from() : current;
                }
            }
            return status != null ? status : current;
        }
    }

    @Override
    public void collect(DSLContext ctx, StatisticsPeriod period, Tally tally) {
        Map<UUID, Identity> identities = new HashMap<>();
        ctx.select(PATIENT.ID, PATIENT.CREATED_AT, PATIENT.IDENTITY_STATUS).from(PATIENT)
                .where(PATIENT.MERGED_INTO_ID.isNull()).and(PATIENT.CREATED_AT.lt(period.end()))
                .forEach(r -> identities.put(r.value1(), new Identity(r.value2(), r.value3(), new ArrayList<>())));
        ctx.select(IDENTITY_STATUS_CHANGE.PATIENT_ID, IDENTITY_STATUS_CHANGE.CHANGED_AT,
                        IDENTITY_STATUS_CHANGE.FROM_STATUS, IDENTITY_STATUS_CHANGE.TO_STATUS)
                .from(IDENTITY_STATUS_CHANGE)
                .orderBy(IDENTITY_STATUS_CHANGE.PATIENT_ID, IDENTITY_STATUS_CHANGE.CHANGED_AT,
                        IDENTITY_STATUS_CHANGE.PATIENT_VERSION)
                .forEach(r -> {
                    Identity identity = identities.get(r.value1());
                    if (identity != null) {
                        identity.changes().add(new Change(r.value2(), r.value3(), r.value4()));
                    }
                });
        for (YearMonth month : period.months()) {
            Instant end = period.endOf(month);
            for (Identity identity : identities.values()) {
                String status = identity.statusBefore(end);
                if (status != null) {
                    tally.add(month, indicator(IdentityStatus.valueOf(status)));
                }
            }
        }
    }

    static Indicator indicator(IdentityStatus status) {
        return switch (status) {
            case PROVISOIRE -> Indicator.IDENTITES_PROVISOIRES;
            case RECUPEREE -> Indicator.IDENTITES_RECUPEREES;
            case VALIDEE -> Indicator.IDENTITES_VALIDEES;
            case QUALIFIEE -> Indicator.IDENTITES_QUALIFIEES;
        };
    }
}
