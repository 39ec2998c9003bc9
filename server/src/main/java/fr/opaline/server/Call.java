package fr.opaline.server;

import fr.opaline.platform.http.HttpError;

/**
 * The call being served on this thread: the session it presented (null for a public operation
 * called without one), its handle, the workstation key it came over and the address it came from. Set by the dispatcher
 * around each operation.
 */
public record Call(ServerSession session, String handle, String workstation, String clientAddress) {

    private static final ThreadLocal<Call> CURRENT = new ThreadLocal<>();

    public static Call current() {
        Call call = CURRENT.get();
        if (call == null) {
            throw new IllegalStateException("no API call on this thread");
        }
        return call;
    }

    /** The caller's session; 401 when there is none. */
    public static ServerSession signedIn() {
        ServerSession session = current().session();
        if (session == null) {
            throw Sessions.unauthorised("no_session", "Aucune session ouverte : connectez-vous.");
        }
        return session;
    }

    static void run(Call call, Runnable body) {
        CURRENT.set(call);
        try {
            body.run();
        } finally {
            CURRENT.remove();
        }
    }

    static void set(Call call) {
        CURRENT.set(call);
    }

    static void clear() {
        CURRENT.remove();
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, "forbidden", message);
    }
}
