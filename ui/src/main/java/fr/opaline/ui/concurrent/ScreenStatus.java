package fr.opaline.ui.concurrent;

import fr.opaline.ui.i18n.Messages;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What a screen tells its user about its work: busy while an action runs (its buttons wait), the
 * last error and the last information, in French, and the action itself, run in the background.
 * An error from a read is cleared by the next good read; an error from an action stays until the
 * next action (the user must have a chance to read it). Changed on the UI thread only.
 */
public final class ScreenStatus {

    private final Background background;
    private final Messages messages;
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private boolean errorFromRead;

    public ScreenStatus(Background background, Messages messages) {
        this.background = Objects.requireNonNull(background, "background");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    /** An action is being done: the action buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean busy() {
        return busy.get();
    }

    /** Shows a refusal found before any work (a field left empty…). */
    public void refuse(String message) {
        errorFromRead = false;
        error.set(message);
    }

    /** Shows an information (something done, or opened). */
    public void inform(String message) {
        info.set(message);
    }

    /** A read failed: its cause in French, until the next good read. */
    public void readFailed(Throwable failure) {
        errorFromRead = true;
        error.set(UserErrors.describe(failure, messages));
    }

    /** A read went well: an error left by a failed read goes. */
    public void readSucceeded() {
        if (errorFromRead) {
            errorFromRead = false;
            error.set("");
        }
    }

    /**
     * Runs an action in the background unless one is running: busy meanwhile, then says what
     * was done ({@code done} of the result) or why it failed, then calls {@code onSuccess} (when
     * it worked) and {@code then} (either way: typically the screen's refresh).
     *
     * @return false when an action was already running (nothing done)
     */
    public <T> boolean act(String description, Work<T> work, Function<? super T, String> done, Runnable onSuccess,
                           Runnable then) {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        errorFromRead = false;
        error.set("");
        info.set("");
        background.run(description, work, result -> {
            busy.set(false);
            info.set(done.apply(result));
            if (onSuccess != null) {
                onSuccess.run();
            }
            if (then != null) {
                then.run();
            }
        }, failure -> {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
            if (then != null) {
                then.run();
            }
        });
        return true;
    }
}
