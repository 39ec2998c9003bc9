package fr.opaline.server;

import fr.opaline.api.ApiEvent;
import fr.opaline.api.TeleradiologyApi;
import fr.opaline.api.TeleradiologyAssignment;
import fr.opaline.core.outbox.OutboxJob;
import fr.opaline.hl7.teleradiology.TeleradiologyRequests;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Teleradiology requests over hl7's {@link TeleradiologyRequests} (its rules, its audit). */
public final class TeleradiologyEndpoint implements TeleradiologyApi {

    private final TeleradiologyRequests requests;
    private final EventHub events;
    private final Clock clock;

    public TeleradiologyEndpoint(TeleradiologyRequests requests, EventHub events, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public TeleradiologyAssignment status(UUID orderId) {
        return view(required(orderId));
    }

    @Override
    public TeleradiologyAssignment assign(UUID orderId) {
        return change(required(orderId), false);
    }

    @Override
    public TeleradiologyAssignment cancel(UUID orderId) {
        return change(required(orderId), true);
    }

    private TeleradiologyAssignment change(UUID orderId, boolean cancel) {
        requests.request(orderId, cancel, Call.signedIn().actor());
        TeleradiologyAssignment changed = view(orderId);
        events.publish(new ApiEvent("teleradiology.changed", orderId, null, clock.instant()));
        return changed;
    }

    private TeleradiologyAssignment view(UUID orderId) {
        TeleradiologyRequests.Status s = requests.status(orderId);
        return new TeleradiologyAssignment(orderId, s.order().accessionNumber(), s.platform(), send(s.request()),
                send(s.cancellation()));
    }

    private static TeleradiologyAssignment.Send send(Optional<OutboxJob> job) {
        return job.map(j -> new TeleradiologyAssignment.Send(j.state(), j.createdAt(), j.lastError())).orElse(null);
    }

    private static UUID required(UUID orderId) {
        if (orderId == null) {
            throw HttpError.badRequest("Examen non précisé.");
        }
        return orderId;
    }
}
