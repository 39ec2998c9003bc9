package fr.opaline.dmp;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells interested parts (the DICA watchers, a desktop view) that something the DMP rules read has
 * changed for a patient: consent, the record's status, an authorisation, the INS. Listeners run on
 * the caller's thread and must return quickly (hand work to their own executor).
 */
public final class DmpChanges {

    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<UUID> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A DMP input changed for this patient (other modules call it after an INS change). */
    public void changed(UUID patientId) {
        for (Consumer<UUID> listener : listeners) {
            listener.accept(patientId);
        }
    }
}
