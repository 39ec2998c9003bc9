package fr.opaline.psc.api;

/**
 * Answer to a poll of a login under way. {@code sessionHandle} is given once the professional is
 * authenticated: it is the only secret the workstation holds.
 */
public record LoginStatus(LoginState state, String message, int pollAfterSeconds, String sessionHandle,
                          SessionView session) {

    @Override
    public String toString() {
        return "LoginStatus[" + state + ", " + message + (sessionHandle == null ? "" : ", handle masqué") + "]";
    }
}
