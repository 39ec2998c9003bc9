package fr.opaline.server.record;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.IdentityApi;
import fr.opaline.api.identity.InsiAnswer;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.status.InsSource;
import fr.opaline.platform.http.HttpError;
import fr.opaline.server.Call;
import fr.opaline.server.EventHub;
import fr.opaline.server.ServerSession;
import java.time.Clock;
import java.util.UUID;

/** INSi récupération over the ins module, its answers held for the session that asked. */
public final class IdentityEndpoint implements IdentityApi {

    private final InsiLookupService insi;
    private final EventHub events;
    private final Clock clock;
    private final InsiAnswers answers;

    public IdentityEndpoint(InsiLookupService insi, EventHub events, Clock clock) {
        this.insi = insi;
        this.events = events;
        this.clock = clock;
        this.answers = new InsiAnswers(clock);
    }

    @Override
    public InsiAnswer lookup(UUID patientId) {
        if (patientId == null) {
            throw HttpError.badRequest("Patient non précisé.");
        }
        ServerSession session = Call.signedIn();
        InsiLookupResult result = insi.lookupForPatient(patientId, session.actor());
        if (result.patient() != null) {
            updated(result.patient());
        }
        return answer(session, patientId, result);
    }

    @Override
    public InsiAnswer lookupTraits(IdentityTraits traits) {
        if (traits == null) {
            throw HttpError.badRequest("Recherche INSi : traits d'identité attendus.");
        }
        return answer(Call.signedIn(), null, insi.lookup(traits, null));
    }

    @Override
    public Patient accept(UUID answerId) {
        ServerSession session = Call.signedIn();
        InsiAnswers.Held held = answers.take(answerId, session.id());
        if (held.patientId() == null) {
            throw HttpError.badRequest("Cette réponse INSi ne concerne pas un dossier : créez le patient.");
        }
        Patient updated = insi.confirm(held.patientId(), held.result(), InsSource.INSI_TRAITS, session.actor());
        updated(updated);
        return updated;
    }

    @Override
    public Patient createFromInsi(UUID answerId, String usedName, String usedFirstName) {
        ServerSession session = Call.signedIn();
        InsiAnswers.Held held = answers.take(answerId, session.id());
        if (held.result().identity() == null) {
            throw HttpError.badRequest("INSi n'a renvoyé aucune identité : relancez la recherche.");
        }
        Patient created = insi.createFromInsi(held.result().identity(), InsSource.INSI_TRAITS, usedName, usedFirstName,
                session.actor());
        events.publish(new ApiEvent("patient.created", created.id(), null, clock.instant()));
        return created;
    }

    private void updated(Patient patient) {
        events.publish(new ApiEvent("patient.updated", patient.id(), null, clock.instant()));
    }

    private InsiAnswer answer(ServerSession session, UUID patientId, InsiLookupResult result) {
        UUID id = result.identity() == null ? null : answers.keep(session.id(), patientId, result);
        var identity = result.identity();
        return new InsiAnswer(id, result.outcome().name(), identity == null ? null : identity.activeIns(),
                identity == null ? null : identity.previousIns(), identity == null ? null : identity.traits(),
                result.comparisons().stream().map(c -> new InsiAnswer.TraitLine(c.trait(), c.local(), c.insi(),
                        c.concordance().name())).toList(),
                result.message(), result.advice(), result.birthplaceKnown(), result.patient());
    }
}
