package fr.opaline.core.statistics;

import static fr.opaline.core.persistence.generated.Tables.CLINICAL_DOCUMENT;
import static fr.opaline.core.persistence.generated.Tables.MSS_OUTBOUND;

import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Documents sent by MSSanté (mss_outbound, one row per recipient), in the month the send was
 * decided: to professionals' mailboxes and to patients' Mon espace santé mailboxes, by the
 * status the message reached. Deletion requests and processing reports are not document sends.
 * The status names are those of the mss module's {@code OutboundStatus}; a test there checks
 * that every status is classified here.
 */
public final class MssSends implements StatisticSource {

    /** Delivered, or handed to the operator and not (yet) refused. */
    public static final Set<String> SUCCESS = Set.of("ENVOYE", "REMIS", "RETARDE", "LU", "TRAITE");
    public static final Set<String> FAILURE = Set.of("NON_REMIS", "ECHEC", "ERREUR_DESTINATAIRE");
    public static final Set<String> NOT_SENT = Set.of("A_ENVOYER", "ANNULE");

    private static final Set<String> DOCUMENT_SENDS = Set.of("ENVOI", "REMPLACEMENT");
    private static final Map<String, Indicator[]> BY_RECIPIENT = Map.of(
            "PROFESSIONNEL", new Indicator[] {Indicator.MSS_PRO_REUSSI, Indicator.MSS_PRO_ECHEC, Indicator.MSS_PRO_NON_ENVOYE},
            "PATIENT", new Indicator[] {Indicator.MSS_CITOYENNE_REUSSI, Indicator.MSS_CITOYENNE_ECHEC,
                    Indicator.MSS_CITOYENNE_NON_ENVOYE});

    @Override
    public void collect(DSLContext ctx, StatisticsPeriod period, Tally tally) {
        ctx.select(MSS_OUTBOUND.CREATED_AT, MSS_OUTBOUND.RECIPIENT_KIND, MSS_OUTBOUND.STATUS, MSS_OUTBOUND.REPORT_VERSION_ID,
                        CLINICAL_DOCUMENT.TYPE_CODE)
                .from(MSS_OUTBOUND)
                .leftJoin(CLINICAL_DOCUMENT).on(CLINICAL_DOCUMENT.DOCUMENT_UID.eq(MSS_OUTBOUND.DOCUMENT_UID))
                .where(MSS_OUTBOUND.PURPOSE.in(DOCUMENT_SENDS))
                .and(MSS_OUTBOUND.RECIPIENT_KIND.in(BY_RECIPIENT.keySet()))
                .and(MSS_OUTBOUND.CREATED_AT.ge(period.start())).and(MSS_OUTBOUND.CREATED_AT.lt(period.end()))
                .forEach(r -> {
                    Indicator[] indicators = BY_RECIPIENT.get(r.value2());
                    DocumentType type = r.value5() != null ? DocumentType.ofLoinc(r.value5()).orElse(null)
                            : r.value4() != null ? DocumentType.CR_IMAGERIE : null;
                    tally.add(period.monthOf(r.value1()), type, indicators[outcome(r.value3())]);
                });
    }

    /** 0 success, 1 failure, 2 not sent; an unknown status is an error, never a silent zero. */
    public static int outcome(String status) {
        if (SUCCESS.contains(status)) {
            return 0;
        }
        if (FAILURE.contains(status)) {
            return 1;
        }
        if (NOT_SENT.contains(status)) {
            return 2;
        }
        throw new IllegalStateException("Statut d'envoi MSSanté inconnu des statistiques : " + status);
    }
}
