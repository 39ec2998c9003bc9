package fr.opaline.core.statistics;

import static fr.opaline.core.persistence.generated.Tables.CLINICAL_DOCUMENT;
import static fr.opaline.core.persistence.generated.Tables.DMP_FEED_RECORD;
import static fr.opaline.core.persistence.generated.Tables.HL7_SENT_MESSAGE;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * DMP feeding (dmp_feed_record, written by the dmp module's feeding worker when the DMP answered):
 * each feeding job counted once, by its latest outcome, in the month of that outcome — a failure
 * resent with success counts as a success. Deletions are not feeds. Documents sent through a PFI
 * are the CR versions whose HL7 message the destination named {@value #PFI} acknowledged (AA), each
 * once (the PFI routes log deletions under another destination).
 */
final class DmpFeeds implements StatisticSource {

    /** The hl7_sent_message destination of a plateforme d'intégration. */
    static final String PFI = "PFI";

    private record Latest(String outcome, Instant at, String typeCode) {
    }

    @Override
    public void collect(DSLContext ctx, StatisticsPeriod period, Tally tally) {
        Map<UUID, Latest> jobs = new LinkedHashMap<>();
        ctx.select(DMP_FEED_RECORD.JOB_ID, DMP_FEED_RECORD.OUTCOME, DMP_FEED_RECORD.OCCURRED_AT, DMP_FEED_RECORD.TYPE_CODE)
                .from(DMP_FEED_RECORD)
                .where(DMP_FEED_RECORD.ACTION.ne("DELETE")).and(DMP_FEED_RECORD.OUTCOME.ne("DELETED"))
                .and(DMP_FEED_RECORD.OCCURRED_AT.ge(period.start()))
                .orderBy(DMP_FEED_RECORD.OCCURRED_AT, DMP_FEED_RECORD.ID)
                .forEach(r -> jobs.put(r.value1(), new Latest(r.value2(), r.value3(), r.value4())));
        jobs.values().forEach(job -> {
            Indicator indicator = switch (job.outcome()) {
                case "SENT" -> Indicator.DMP_REUSSI;
                case "INVISIBLE" -> Indicator.DMP_INVISIBLE;
                case "FAILED" -> Indicator.DMP_ECHEC;
                case "NO_DMP" -> Indicator.DMP_INEXISTANT;
                default -> throw new IllegalStateException("Issue d'alimentation DMP inconnue : " + job.outcome());
            };
            if (period.contains(job.at())) {
                tally.add(period.monthOf(job.at()), typeOf(job.typeCode()), indicator);
            }
        });
        // Each CR version once, in the month of its first AA (a resend after a lost ACK, a second PFI: the same CR).
        Map<String, Latest> acknowledged = new LinkedHashMap<>();
        ctx.select(HL7_SENT_MESSAGE.DOCUMENT_UID, HL7_SENT_MESSAGE.SENT_AT, CLINICAL_DOCUMENT.TYPE_CODE)
                .from(HL7_SENT_MESSAGE)
                .leftJoin(CLINICAL_DOCUMENT).on(CLINICAL_DOCUMENT.DOCUMENT_UID.eq(HL7_SENT_MESSAGE.DOCUMENT_UID))
                .where(HL7_SENT_MESSAGE.DESTINATION.eq(PFI)).and(HL7_SENT_MESSAGE.ACK_CODE.eq("AA"))
                .and(HL7_SENT_MESSAGE.DOCUMENT_UID.isNotNull())
                .and(HL7_SENT_MESSAGE.SENT_AT.ge(period.start())).and(HL7_SENT_MESSAGE.SENT_AT.lt(period.end()))
                .orderBy(HL7_SENT_MESSAGE.SENT_AT, HL7_SENT_MESSAGE.ID)
                .forEach(r -> acknowledged.putIfAbsent(r.value1(), new Latest("AA", r.value2(), r.value3())));
        acknowledged.values().forEach(sent ->
                tally.add(period.monthOf(sent.at()), typeOf(sent.typeCode()), Indicator.DMP_TRANSMIS_PFI));
    }

    /**
     * A feed record without a type is a CR: Opaline feeds only the reports its radiologists validate
     * (the type is missing only when the local document could no longer be read).
     */
    static DocumentType typeOf(String typeCode) {
        return typeCode == null ? DocumentType.CR_IMAGERIE : DocumentType.ofLoinc(typeCode).orElse(null);
    }
}
