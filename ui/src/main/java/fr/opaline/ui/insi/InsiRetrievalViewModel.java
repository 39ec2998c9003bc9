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
import fr.opaline.api.Birthplace;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
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
    /** Names a birthplace code at a birth date (off the FX thread); null when it has no name for it. */
    private final BiFunction<String, LocalDate, Birthplace> places;

    private final ObjectProperty<InsiLookupResult> result = new SimpleObjectProperty<>();
    private final ObservableList<TraitComparison> comparisons = FXCollections.observableArrayList();
    private final ObservableList<ShownTrait> shown = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding validatable;
    private UUID patientId;
    private UUID answerId;
    private long generation;

    /** @param insi null when the server offers no INS services: every query then says so */
    public InsiRetrievalViewModel(IdentityApi insi, Background background, Messages messages,
                                  Supplier<Actor> actor) {
        this(insi, background, messages, actor, (code, date) -> null);
    }

    /** @param places names a birthplace code at a birth date, called in the background; null when unnamed */
    public InsiRetrievalViewModel(IdentityApi insi, Background background, Messages messages,
                                  Supplier<Actor> actor, BiFunction<String, LocalDate, Birthplace> places) {
        this.places = places;
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

    /** The comparison as shown: dates dd/MM/yyyy, sex in words, birthplaces named (same order as {@link #comparisons()}). */
    public ObservableList<ShownTrait> shown() {
        return shown;
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
        shown.clear();
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
        background.runCancellable(messages.get("insi.task"), progress -> named(insi.lookup(patient)),
                answer -> {
                    if (mine == generation) {
                        show(answer);
                        if (answer.answer().patient() != null) {
                            onUpdated.accept(answer.answer().patient());
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
        background.runCancellable(messages.get("insi.task"), progress -> named(insi.lookupTraits(traits)),
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
                        this.shown.clear();
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
        shown.clear();
        error.set("");
        if (insi == null) {
            error.set(messages.get("insi.unavailable"));
            return false;
        }
        busy.set(true);
        return true;
    }

    private void show(Named named) {
        InsiAnswer answer = named.answer();
        busy.set(false);
        InsiLookupResult read = fromServer(answer);
        answerId = answer.answerId();
        comparisons.setAll(read.comparisons());
        shown.setAll(read.comparisons().stream().map(c -> ShownTrait.of(c, named.places(), messages)).toList());
        result.set(read);
    }

    /** INSi's answer and the birthplaces it compares, named by the referential (off the FX thread). */
    private record Named(InsiAnswer answer, Map<String, Birthplace> places) {
    }

    private Named named(InsiAnswer answer) {
        Map<String, Birthplace> named = new HashMap<>();
        LocalDate localBirth = answer.comparisons().stream()
                .filter(c -> ShownTrait.BIRTH_DATE.equals(c.trait()) && c.local() != null)
                .findFirst().map(c -> parse(c.local())).orElse(null);
        LocalDate insiBirth = answer.traits() == null ? null : answer.traits().birthDate();
        for (InsiAnswer.TraitLine line : answer.comparisons()) {
            if (ShownTrait.BIRTHPLACE.equals(line.trait())) {
                name(named, line.local(), localBirth);
                name(named, line.insi(), insiBirth);
            }
        }
        return new Named(answer, named);
    }

    private void name(Map<String, Birthplace> named, String code, LocalDate birthDate) {
        if (code == null || code.isBlank() || named.containsKey(code)) {
            return;
        }
        Birthplace place = places.apply(code, birthDate);
        if (place != null) {
            named.put(code, place);
        }
    }

    private static LocalDate parse(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException notADate) {
            return null;
        }
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
