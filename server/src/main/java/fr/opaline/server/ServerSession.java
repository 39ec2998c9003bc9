package fr.opaline.server;

import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AuthenticatedSession;
import fr.opaline.core.user.UserAccount;
import java.time.Instant;
import java.util.UUID;

/**
 * A session held by the server: who signed in, with which workstation key (SHA-256 fingerprint of
 * its TLS client certificate), when it was last used, whether it is locked.
 */
public final class ServerSession {

    private final UUID id;
    private final String handle;
    private final String workstation;
    private final Instant signedInAt;
    private volatile AuthenticatedSession authentication;
    private volatile Instant lastCall;
    private volatile boolean locked;

    ServerSession(UUID id, String handle, AuthenticatedSession authentication, String workstation, Instant now) {
        this.id = id;
        this.handle = handle;
        this.authentication = authentication;
        this.workstation = workstation;
        this.signedInAt = now;
        this.lastCall = now;
    }

    public UUID id() {
        return id;
    }

    String handle() {
        return handle;
    }

    public AuthenticatedSession authentication() {
        return authentication;
    }

    public UserAccount user() {
        return authentication.user();
    }

    /** The actor the audit trail names for this session's calls. */
    public Actor actor() {
        return authentication.actor();
    }

    public String workstation() {
        return workstation;
    }

    public Instant signedInAt() {
        return signedInAt;
    }

    public Instant lastCall() {
        return lastCall;
    }

    public boolean locked() {
        return locked;
    }

    void touch(Instant now) {
        lastCall = now;
    }

    void lock() {
        locked = true;
    }

    void unlock(AuthenticatedSession again, Instant now) {
        authentication = again;
        locked = false;
        lastCall = now;
    }
}
