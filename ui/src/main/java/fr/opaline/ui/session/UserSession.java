package fr.opaline.ui.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The signed-in user and the inactivity lock: after {@code idleTimeout} without keyboard or
 * mouse activity the session locks; only the same user can unlock it. Driven by the view
 * (activity, periodic tick) on the FX thread; testable with any clock.
 */
public final class UserSession {

    private final Clock clock;
    private final Duration idleTimeout;
    private final ReadOnlyObjectWrapper<AuthenticatedUser> user = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private Instant lastActivity;

    public UserSession(Clock clock, Duration idleTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("Le délai de verrouillage doit être positif : " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
    }

    public ReadOnlyObjectProperty<AuthenticatedUser> userProperty() {
        return user.getReadOnlyProperty();
    }

    public AuthenticatedUser user() {
        return user.get();
    }

    public ReadOnlyBooleanProperty lockedProperty() {
        return locked.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return locked.get();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public void signedIn(AuthenticatedUser signedIn) {
        user.set(Objects.requireNonNull(signedIn, "signedIn"));
        locked.set(false);
        lastActivity = clock.instant();
    }

    /** A key or mouse event: the user is there. Ignored while locked. */
    public void activity() {
        if (!locked.get()) {
            lastActivity = clock.instant();
        }
    }

    /** Called periodically: locks once the user has been away for the timeout. */
    public void tick() {
        if (user.get() != null && !locked.get() && !clock.instant().isBefore(lastActivity.plus(idleTimeout))) {
            locked.set(true);
        }
    }

    public void lockNow() {
        if (user.get() != null) {
            locked.set(true);
        }
    }

    /**
     * Unlocks after the user proved again who they are.
     *
     * @return false (and stays locked) when someone else authenticated
     */
    public boolean unlock(AuthenticatedUser again) {
        AuthenticatedUser current = user.get();
        if (current == null || again == null || !current.account().id().equals(again.account().id())) {
            return false;
        }
        locked.set(false);
        lastActivity = clock.instant();
        return true;
    }

    public void signOut() {
        user.set(null);
        locked.set(false);
    }
}
