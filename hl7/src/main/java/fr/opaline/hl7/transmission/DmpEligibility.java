package fr.opaline.hl7.transmission;

import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.order.OrderRepository;
import fr.opaline.core.patient.PatientRepository;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Whether a patient's CR goes to the DMP (DESTDMP of a PFI, the DRIMbox's wait for the DMP). */
public final class DmpEligibility {

    private DmpEligibility() {
    }

    /**
     * The INS is qualifiée (mandatory to feed the DMP) and the patient did not oppose feeding in
     * the order's care episode (or the open one).
     */
    public static boolean fedToDmp(DSLContext ctx, UUID patientId, UUID orderId) {
        boolean qualified = new PatientRepository(ctx).findById(patientId).map(p -> p.insQualified()).orElse(false);
        if (!qualified) {
            return false;
        }
        CareEpisodeRepository episodes = new CareEpisodeRepository(ctx);
        Optional<CareEpisode> episode = Optional.ofNullable(orderId)
                .flatMap(id -> new OrderRepository(ctx).findOrder(id))
                .flatMap(order -> Optional.ofNullable(order.careEpisodeId()))
                .flatMap(episodes::findById)
                .or(() -> episodes.findOpen(patientId));
        return episode.map(CareEpisode::feedingAllowed).orElse(true);
    }
}
