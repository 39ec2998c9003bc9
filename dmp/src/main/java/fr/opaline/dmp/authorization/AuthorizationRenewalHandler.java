package fr.opaline.dmp.authorization;

import fr.opaline.core.common.Actor;
import fr.opaline.core.common.Json;
import fr.opaline.core.outbox.JobHandler;
import fr.opaline.core.outbox.JobOutcome;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.PatientRepository;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.user.UserAccount;
import fr.opaline.core.user.UserRepository;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.client.DmpException;
import fr.opaline.dmp.client.DmpRejectedException;
import fr.opaline.dmp.consent.ConsentGuard;
import fr.opaline.dmp.consent.ConsentRequiredException;
import fr.opaline.dmp.consent.ConsultationPermit;
import fr.opaline.dmp.feeding.DmpJobTypes;
import fr.opaline.dmp.vihf.AccessAuthentication;
import fr.opaline.dmp.vihf.PurposeOfUse;
import java.util.Optional;

/**
 * Renews one individual authorisation (TD0.4 in indirect authentication, which the DMP accepts
 * for an authorisation it already holds) while the care episode lasts and its consent is still
 * traced: the permit comes from the {@link ConsentGuard} like any consultation. Consent withdrawn,
 * episode closed or break-glass only: the authorisation is left to expire and marked ended.
 */
public final class AuthorizationRenewalHandler implements JobHandler {

    private static final Actor ACTOR = Actor.system("dmp-authorization");

    private final Database database;
    private final ConsentGuard guard;
    private final DmpAuthorizations authorizations;

    public AuthorizationRenewalHandler(Database database, ConsentGuard guard, DmpAuthorizations authorizations) {
        this.database = database;
        this.guard = guard;
        this.authorizations = authorizations;
    }

    @Override
    public String type() {
        return DmpJobTypes.AUTHORIZATION;
    }

    @Override
    public JobOutcome handle(OutboxJob job) {
        AuthorizationRenewal.Payload payload = Json.read(job.payload(), AuthorizationRenewal.Payload.class);
        Optional<DmpAuthorizations.Held> found = authorizations.find(payload.authorizationId());
        if (found.isEmpty() || !"ACTIVE".equals(found.get().status())) {
            return JobOutcome.done();
        }
        DmpAuthorizations.Held held = found.get();
        Patient patient = new PatientRepository(database.dsl()).findById(held.patientId()).orElseThrow();
        Optional<UserAccount> user = new UserRepository(database.dsl()).findById(held.userId());
        if (user.isEmpty() || !user.get().active() || patient.ins() == null) {
            authorizations.end(held.id(), "Utilisateur inactif ou patient sans INS : non renouvelée");
            return JobOutcome.done();
        }
        ConsultationPermit permit;
        try {
            permit = guard.permit(patient.id(), held.userId(), purpose ->
                    new DmpUser(user.get(), AccessAuthentication.INDIRECT, null).subject(patient.ins(), purpose));
        } catch (ConsentRequiredException e) {
            authorizations.end(held.id(), "Non renouvelée : " + e.getMessage());
            return JobOutcome.done();
        }
        if (permit.subject().purpose() != PurposeOfUse.NORMAL || !permit.episodeId().equals(held.episodeId())) {
            authorizations.end(held.id(), "Non renouvelée : la prise en charge de l'autorisation est terminée");
            return JobOutcome.done();
        }
        try {
            authorizations.renew(permit, held.rpps(), ACTOR);
            return JobOutcome.done();
        } catch (DmpRejectedException e) {
            authorizations.end(held.id(), e.getMessage());
            return JobOutcome.failed(e.getMessage());
        } catch (DmpException e) {
            return JobOutcome.retry(e.getMessage());
        }
    }
}
