package fr.opaline.server;

import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.platform.http.HttpError;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open sessions of the practice server, in memory (a restart signs everyone out). A handle is
 * 256 random bits; it is refused when presented over another workstation key than the one it was
 * opened with, after a sign-out or a revocation, after {@code maxAge}, and while the session is
 * locked — which it becomes after {@code idleTimeout} without a call ({@code ui.idleLock}), until its
 * user signs in again.
 */
public final class Sessions {

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ServerSession> byHandle = new ConcurrentHashMap<>();

    public Sessions(Clock clock, Duration idleTimeout, Duration maxAge) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idleTimeout.isZero() || idleTimeout.isNegative() || maxAge.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("Délais de session invalides : inactivité " + idleTimeout
                    + ", durée maximale " + maxAge);
        }
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Opens a session for the authenticated user on the workstation whose key has this fingerprint. */
    public ServerSession open(AuthenticatedSession authentication, String workstation) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ServerSession session = new ServerSession(UUID.randomUUID(), handle, authentication,
                Objects.requireNonNull(workstation, "workstation"), clock.instant());
        byHandle.put(handle, session);
        return session;
    }

    /**
     * The session of a handle presented over a workstation key, touched; 401 in French when there
     * is none, it was opened on another workstation, it is too old, or it is locked (unless
     * {@code evenLocked}: the re-authentication that unlocks it).
     */
    public ServerSession resolve(String handle, String workstation, boolean evenLocked) {
        ServerSession session = handle == null ? null : byHandle.get(handle);
        if (session == null) {
            throw unauthorised("no_session", "Aucune session ouverte : connectez-vous.");
        }
        if (workstation == null || !MessageDigest.isEqual(workstation.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                session.workstation().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw unauthorised("other_workstation",
                    "Cette session a été ouverte sur un autre poste : connectez-vous sur celui-ci.");
        }
        Instant now = clock.instant();
        if (!now.isBefore(session.signedInAt().plus(maxAge))) {
            byHandle.remove(handle);
            throw unauthorised("session_expired", "Session expirée : connectez-vous à nouveau.");
        }
        if (!session.locked() && !now.isBefore(session.lastCall().plus(idleTimeout))) {
            session.lock();
        }
        if (session.locked() && !evenLocked) {
            throw unauthorised("session_locked", "Session verrouillée : saisissez à nouveau votre mot de passe.");
        }
        session.touch(now);
        return session;
    }

    public void lock(ServerSession session) {
        session.lock();
    }

    public void unlock(ServerSession session, AuthenticatedSession again) {
        session.unlock(again, clock.instant());
    }

    /** Ends a session: its handle is refused from now on. */
    public void end(ServerSession session) {
        byHandle.remove(session.handle(), session);
    }

    public Optional<ServerSession> byId(UUID id) {
        return byHandle.values().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every open session, oldest first. */
    public List<ServerSession> all() {
        return byHandle.values().stream().sorted(Comparator.comparing(ServerSession::signedInAt)).toList();
    }

    /** Whether the handle still opens a session (for the event streams, which end with their session). */
    boolean alive(ServerSession session) {
        return byHandle.get(session.handle()) == session
                && clock.instant().isBefore(session.signedInAt().plus(maxAge));
    }

    static HttpError unauthorised(String error, String message) {
        return new HttpError(401, error, message);
    }
}
