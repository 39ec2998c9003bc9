package fr.opaline.server;

import fr.opaline.api.AgendaApi;
import fr.opaline.api.PatientApi;
import fr.opaline.api.SessionApi;
import fr.opaline.core.audit.AuditTrail;
import fr.opaline.core.common.Json;
import fr.opaline.core.patient.PatientService;
import fr.opaline.core.persistence.Database;
import fr.opaline.core.scheduling.BookingService;
import fr.opaline.core.user.LocalAuthentication;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The API's implementations over one practice's domain services, its sessions and its event hub:
 * what {@link ApiServer} serves.
 */
public record PracticeApi(Dispatcher dispatcher, Sessions sessions, EventHub events) {

    /**
     * @param idleTimeout {@code ui.idleLock}: a session unused that long is locked by the server
     * @param maxAge      a session older than this is ended whatever its use
     */
    public static PracticeApi over(Database database, Clock clock, LocalAuthentication authentication,
                                   PatientService patients, BookingService booking, Duration idleTimeout,
                                   Duration maxAge) {
        return over(database, clock, authentication, patients, booking, idleTimeout, maxAge, SignInOptions.PASSWORD_ONLY);
    }

    /**
     * The signing-in ways beyond local passwords: Pro Santé Connect through the proxy e-santé,
     * and, on a demonstration server only, the fictitious-account picker.
     */
    public record SignInOptions(PscSessions psc, AuditTrail demoAudit) {
        public static final SignInOptions PASSWORD_ONLY = new SignInOptions(null, null);

        public static SignInOptions demo(PscSessions psc, AuditTrail audit) {
            return new SignInOptions(psc, audit);
        }
    }

    public static PracticeApi over(Database database, Clock clock, LocalAuthentication authentication,
                                   PatientService patients, BookingService booking, Duration idleTimeout,
                                   Duration maxAge, SignInOptions options) {
        return over(database, clock, authentication, patients, booking, idleTimeout, maxAge, options, Endpoints.NONE);
    }

    /**
     * The areas served beyond sign-in, agenda and patients, built by the wiring of the process over
     * the domain modules' services (reports, DMP, documents, administration…), given the event hub
     * they publish their changes to. An area missing from the map answers 503.
     */
    @FunctionalInterface
    public interface Endpoints {
        Endpoints NONE = events -> Map.of();

        Map<Class<?>, Object> build(EventHub events);

        /** These areas and the other's (the other's win on the same interface). */
        default Endpoints and(Endpoints other) {
            return events -> {
                Map<Class<?>, Object> both = new java.util.HashMap<>(build(events));
                both.putAll(other.build(events));
                return both;
            };
        }
    }

    public static PracticeApi over(Database database, Clock clock, LocalAuthentication authentication,
                                   PatientService patients, BookingService booking, Duration idleTimeout,
                                   Duration maxAge, SignInOptions options, Endpoints more) {
        Sessions sessions = new Sessions(clock, idleTimeout, maxAge);
        EventHub events = new EventHub();
        Map<Class<?>, Object> implementations = new java.util.HashMap<>(more.build(events));
        implementations.put(SessionApi.class, new SessionEndpoint(authentication, sessions, options, database, clock));
        implementations.put(AgendaApi.class, new AgendaEndpoint(database, booking, events, clock));
        implementations.put(PatientApi.class, new PatientEndpoint(database, patients, events, clock));
        return new PracticeApi(new Dispatcher(implementations, sessions, Json.mapper()), sessions, events);
    }
}
