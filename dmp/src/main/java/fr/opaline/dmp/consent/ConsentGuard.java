package fr.opaline.dmp.consent;

import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.CareEpisodeRepository;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.core.persistence.Database;
import fr.opaline.dmp.vihf.PurposeOfUse;
import fr.opaline.dmp.vihf.VihfSubject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Issues {@link ConsultationPermit}s: only when the patient's open care episode has a traced
 * consent to consultation (the latest decision in dmp_consent_event grants it), or a traced
 * break-glass access (then the VIHF says "bris de glace"). Otherwise refuses with the reason, and
 * nothing is sent to the DMP.
 */
public final class ConsentGuard {

    private final Database database;
    private final Clock clock;

    public ConsentGuard(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param subject the VIHF subject for a normal access; it becomes break-glass when that is what
     *                the trace allows
     * @throws ConsentRequiredException when no consent nor break-glass is traced for the open episode
     */
    public ConsultationPermit permit(UUID patientId, UUID userId, Function<PurposeOfUse, VihfSubject> subject) {
        Allowed allowed = allowed(patientId);
        return new ConsultationPermit(patientId, allowed.episodeId(), allowed.consentEventId(), userId,
                subject.apply(allowed.purpose()), clock.instant());
    }

    /**
     * What the trace allows now, without issuing a permit (the DICA checklist reads it).
     *
     * @throws ConsentRequiredException with the reason when nothing allows a consultation
     */
    public PurposeOfUse allowedPurpose(UUID patientId) {
        return allowed(patientId).purpose();
    }

    private record Allowed(UUID episodeId, UUID consentEventId, PurposeOfUse purpose) {
    }

    private Allowed allowed(UUID patientId) {
        DSLContext ctx = database.dsl();
        CareEpisode episode = new CareEpisodeRepository(ctx).findOpen(patientId)
                .orElseThrow(() -> new ConsentRequiredException("Aucune prise en charge en cours pour ce patient : "
                        + "le consentement à la consultation du DMP n'est pas enregistré."));
        ConsentEvents events = new ConsentEvents(ctx);
        Optional<ConsentEvent> decision = events.latestDecision(episode.id());
        if (decision.isPresent() && decision.get().consultation() == ConsultationConsent.GRANTED
                && decision.get().patientInformed() && episode.consultationConsent() == ConsultationConsent.GRANTED) {
            return new Allowed(episode.id(), decision.get().id(), PurposeOfUse.NORMAL);
        }
        Optional<ConsentEvent> breakGlass = events.latestBreakGlass(episode.id());
        if (episode.breakGlassAt() != null && breakGlass.isPresent()) {
            return new Allowed(episode.id(), breakGlass.get().id(), PurposeOfUse.BRIS_DE_GLACE);
        }
        if (decision.isPresent() && decision.get().consultation() == ConsultationConsent.REFUSED) {
            throw new ConsentRequiredException("Le patient a refusé la consultation de son DMP pour cette prise en charge.");
        }
        throw new ConsentRequiredException("Le consentement du patient n'est pas enregistré pour cette prise en charge.");
    }
}
