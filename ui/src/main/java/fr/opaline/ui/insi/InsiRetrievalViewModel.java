package fr.opaline.ui.insi;

import fr.opaline.api.IdentityApi;
import fr.opaline.api.identity.InsiAnswer;
import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import fr.opaline.ins.insi.InsiIdentity;
import fr.opaline.ins.insi.InsiLookupResult;
import fr.opaline.ins.insi.InsiLookupResult.Outcome;
import fr.opaline.ins.insi.TraitComparison;
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
 * patient from INSi's identity). INSi is reached through the practice server, which keeps each
 * answer: what the user validates is the answer the server holds, named by its id.
 */
public final class InsiRetrievalViewModel {

    private final IdentityApi insi;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;

    private final ObjectProperty<InsiLookupResult> result = new SimpleObjectProperty<>();
    private final ObservableList<TraitComparison> comparisons = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding validatable;
    private UUID patientId;
    private UUID answerId;
    private long generation;

    /** @param insi null when the server offers no INS services: every query then says so */
    public InsiRetrievalViewModel(IdentityApi insi, Background background, Messages messages,
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
        answerId = null;
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
        background.runCancellable(messages.get("insi.task"), progress -> insi.lookup(patient),
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
        background.runCancellable(messages.get("insi.task"), progress -> insi.lookupTraits(traits),
                answer -> {
                    if (mine == generation) {
                        show(answer);
                    }
                }, failure -> failed(mine, failure));
    }

    /** "Validation en un clic" of the identity INSi returned for the record. */
    public void confirm(Consumer<Patient> onUpdated) {
        InsiLookupResult shown = result.get();
        UUID answer = answerId;
        if (shown == null || shown.identity() == null || patientId == null || answer == null || busy.get()) {
            return;
        }
        busy.set(true);
        long mine = generation;
        background.run(messages.get("insi.confirm.task"),
                progress -> insi.accept(answer), updated -> {
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
        UUID answer = answerId;
        if (shown == null || shown.identity() == null || answer == null || busy.get()) {
            return;
        }
        busy.set(true);
        long mine = generation;
        background.run(messages.get("newPatient.task"), progress -> insi.createFromInsi(answer, usedName,
                usedFirstName), created -> {
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
        answerId = null;
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

    private void show(InsiAnswer answer) {
        busy.set(false);
        InsiLookupResult shown = fromServer(answer);
        answerId = answer.answerId();
        comparisons.setAll(shown.comparisons());
        result.set(shown);
    }

    /** The server's answer as the ins module's result the comparison pane shows. */
    static InsiLookupResult fromServer(InsiAnswer answer) {
        InsiIdentity identity = answer.ins() == null && answer.traits() == null ? null
                : new InsiIdentity(answer.ins(), answer.previousIns(), answer.traits());
        return new InsiLookupResult(Outcome.valueOf(answer.outcome()), identity, answer.comparisons().stream()
                .map(c -> new TraitComparison(c.trait(), c.local(), c.insi(),
                        TraitComparison.Concordance.valueOf(c.concordance()))).toList(),
                java.util.List.of(), answer.message(), answer.advice(), answer.birthplaceKnown(), answer.patient());
    }

    private void failed(long mine, Throwable failure) {
        if (mine == generation) {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
        }
    }
}
