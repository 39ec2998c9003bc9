package fr.opaline.server.record;

import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.platform.http.HttpError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * INSi answers kept by the server for the session that asked, so that what a user accepts is what
 * INSi returned and not an identity a workstation sends. Bounded in number and in age.
 */
final class InsiAnswers {

    static final int MAX = 2_000;
    static final Duration TTL = Duration.ofMinutes(30);

    record Held(UUID sessionId, UUID patientId, InsiLookupResult result, Instant at) {
    }

    private final Map<UUID, Held> held = new LinkedHashMap<>();
    private final Clock clock;

    InsiAnswers(Clock clock) {
        this.clock = clock;
    }

    synchronized UUID keep(UUID sessionId, UUID patientId, InsiLookupResult result) {
        purge();
        UUID id = UUID.randomUUID();
        held.put(id, new Held(sessionId, patientId, result, clock.instant()));
        return id;
    }

    /** The answer, taken once, for the session that asked it; 404 otherwise (unknown, expired, another's). */
    synchronized Held take(UUID answerId, UUID sessionId) {
        purge();
        Held answer = answerId == null ? null : held.get(answerId);
        if (answer == null || !answer.sessionId().equals(sessionId)) {
            throw HttpError.notFound("Réponse INSi inconnue ou expirée : relancez la recherche INSi.");
        }
        held.remove(answerId);
        return answer;
    }

    private void purge() {
        Instant oldest = clock.instant().minus(TTL);
        Iterator<Held> it = held.values().iterator();
        while (it.hasNext()) {
            Held h = it.next();
            if (h.at().isBefore(oldest) || held.size() > MAX) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
