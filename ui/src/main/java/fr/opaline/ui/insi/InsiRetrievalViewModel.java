package fr.opaline.ui.insi;

import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ins.insi.InsiLookupResult.Outcome;
import fr.opaline.ins.insi.InsiLookupService;
import fr.opaline.ins.insi.TraitComparison;
import fr.opaline.ins.status.InsSource;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An INS récupération as the desk sees it (DSR 3.2.8, SC.INS.13–15): the query to INSi runs in
 * the background, its answer is shown trait by trait, and a 00 with differences is validated in
 * one click. Either for a record (the ins module applies an answer that concords by itself) or
 * for traits typed in the new patient form (nothing is written until the user creates the
 * patient from INSi's identity).
 */
public final class InsiRetrievalViewModel {

    private final InsiLookupService insi;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;

    private final ObjectProperty<InsiLookupResult> result = new SimpleObjectProperty<>();
    private final ObservableList<TraitComparison> comparisons = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding validatable;
    private UUID patientId;
    private long generation;

    /** @param insi null when the desktop has no INS services: every query then says so */
    public InsiRetrievalViewModel(InsiLookupService insi, Background background, Messages messages,
                                  Supplier<Actor> actor) {
        this.insi = insi;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        validatable = Bindings.createBooleanBinding(() -> !busy.get() && result.get() != null
                && result.get().identity() != null && result.get().outcome() == Outcome.A_VALIDER, result, busy);
    }

    public ObjectProperty<InsiLookupResult> resultProperty() {
        return result;
    }

    public ObservableList<TraitComparison> comparisons() {
        return comparisons;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** Whether INSi found an identity the user may take in one click. */
    public BooleanBinding validatableProperty() {
        return validatable;
    }

    public boolean available() {
        return insi != null;
    }

    /** Forgets the last answer (another patient, another form). */
    public void clear() {
        generation++;
        patientId = null;
        result.set(null);
        comparisons.clear();
        error.set("");
        busy.set(false);
    }

    /** Queries INSi for a record; an answer that concords is applied at once and reported. */
    public void lookupForPatient(UUID patient, Consumer<Patient> onUpdated) {
        if (!start()) {
            return;
        }
        patientId = patient;
        long mine = generation;
        background.runCancellable(messages.get("insi.task"), progress -> insi.lookupForPatient(patient, actor.get()),
                answer -> {
                    if (mine == generation) {
                        show(answer);
                        if (answer.patient() != null) {
                            onUpdated.accept(answer.patient());
                        }
                    }
                }, failure -> failed(mine, failure));
    }

    /** Queries INSi with traits not yet in a record: nothing is written. */
    public void lookupTraits(IdentityTraits traits) {
        if (!start()) {
            return;
        }
        long mine = generation;
        background.runCancellable(messages.get("insi.task"), progress -> insi.lookup(traits, null),
                answer -> {
                    if (mine == generation) {
                        show(answer);
                    }
                }, failure -> failed(mine, failure));
    }

    /** "Validation en un clic" of the identity INSi returned for the record. */
    public void confirm(Consumer<Patient> onUpdated) {
        InsiLookupResult shown = result.get();
        UUID patient = patientId;
        if (shown == null || shown.identity() == null || patient == null || busy.get()) {
            return;
        }
        busy.set(true);
        long mine = generation;
        background.run(messages.get("insi.confirm.task"),
                progress -> insi.confirm(patient, shown, InsSource.INSI_TRAITS, actor.get()), updated -> {
                    if (mine == generation) {
                        busy.set(false);
                        result.set(null);
                        comparisons.clear();
                        onUpdated.accept(updated);
                    }
                }, failure -> failed(mine, failure));
    }

    /** A new patient made from the identity INSi returned, with the used names typed at the desk. */
    public void createFromInsi(String usedName, String usedFirstName, Consumer<Patient> onCreated) {
        InsiLookupResult shown = result.get();
        if (shown == null || shown.identity() == null || busy.get()) {
            return;
        }
        busy.set(true);
        long mine = generation;
        background.run(messages.get("newPatient.task"), progress -> insi.createFromInsi(shown.identity(),
                InsSource.INSI_TRAITS, usedName, usedFirstName, actor.get()), created -> {
                    if (mine == generation) {
                        busy.set(false);
                        onCreated.accept(created);
                    }
                }, failure -> failed(mine, failure));
    }

    /** Whether a 00 answer can make a new patient (found, whether or not every trait concords). */
    public boolean foundIdentity() {
        return result.get() != null && result.get().identity() != null;
    }

    private boolean start() {
        generation++;
        result.set(null);
        comparisons.clear();
        error.set("");
        if (insi == null) {
            error.set(messages.get("insi.unavailable"));
            return false;
        }
        busy.set(true);
        return true;
    }

    private void show(InsiLookupResult answer) {
        busy.set(false);
        comparisons.setAll(answer.comparisons());
        result.set(answer);
    }

    private void failed(long mine, Throwable failure) {
        if (mine == generation) {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
        }
    }
}
