package fr.opaline.core.statistics;

import static fr.opaline.core.persistence.generated.Tables.DMP_CONSENT_EVENT;

import fr.opaline.core.episode.ConsultationConsent;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Consents and non-oppositions recorded (dmp_consent_event): per month, the care episodes for which
 * a consent to consultation, or an informed patient's non-opposition to feeding, was recorded —
 * an episode whose decision was recorded twice in a month counts once.
 */
final class PatientInformation implements StatisticSource {

    private record Counted(YearMonth month, UUID episode, Indicator indicator) {
    }

    @Override
    public void collect(DSLContext ctx, StatisticsPeriod period, Tally tally) {
        Set<Counted> counted = new HashSet<>();
        ctx.select(DMP_CONSENT_EVENT.RECORDED_AT, DMP_CONSENT_EVENT.EPISODE_ID, DMP_CONSENT_EVENT.CONSULTATION_CONSENT,
                        DMP_CONSENT_EVENT.PATIENT_INFORMED, DMP_CONSENT_EVENT.FEEDING_OPPOSITION)
                .from(DMP_CONSENT_EVENT)
                .where(DMP_CONSENT_EVENT.RECORDED_AT.ge(period.start())).and(DMP_CONSENT_EVENT.RECORDED_AT.lt(period.end()))
                .forEach(r -> {
                    YearMonth month = period.monthOf(r.value1());
                    if (ConsultationConsent.GRANTED.name().equals(r.value3())) {
                        count(counted, tally, new Counted(month, r.value2(), Indicator.CONSENTEMENTS_CONSULTATION));
                    }
                    if (Boolean.TRUE.equals(r.value4()) && !Boolean.TRUE.equals(r.value5())) {
                        count(counted, tally, new Counted(month, r.value2(), Indicator.NON_OPPOSITIONS_ALIMENTATION));
                    }
                });
    }

    private static void count(Set<Counted> counted, Tally tally, Counted one) {
        if (counted.add(one)) {
            tally.add(one.month(), one.indicator());
        }
    }
}
