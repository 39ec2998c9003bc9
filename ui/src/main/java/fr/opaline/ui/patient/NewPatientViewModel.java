package fr.opaline.ui.patient;

import fr.opaline.core.common.Actor;
import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.NewPatient;
import fr.opaline.core.patient.Patient;
import fr.opaline.core.patient.Sex;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.DateInput;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.insi.InsiRetrievalViewModel;
import fr.opaline.ins.datamatrix.ScannedIns;
import fr.opaline.ins.traits.TraitRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Creation of a patient at the desk. The identity is created provisoire (RNIV): the INS and a
 * higher status only come from INSi and an identity document check, never from this form.
 * The birthplace is left empty unless typed: "99999" (unknown) must be entered explicitly.
 */
public final class NewPatientViewModel {


    private final PatientDirectory directory;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final Clock clock;

    private final StringProperty birthName = new SimpleStringProperty("");
    private final StringProperty birthFirstNames = new SimpleStringProperty("");
    private final StringProperty usedName = new SimpleStringProperty("");
    private final StringProperty usedFirstName = new SimpleStringProperty("");
    private final StringProperty birthDate = new SimpleStringProperty("");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    private final StringProperty birthplaceCode = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final BooleanProperty doubtful = new SimpleBooleanProperty();
    private final BooleanProperty fictitious = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final InsiRetrievalViewModel insi;

    public NewPatientViewModel(PatientDirectory directory, Background background, Messages messages,
                               Supplier<Actor> actor, Clock clock) {
        this.directory = directory;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.clock = clock;
        this.insi = new InsiRetrievalViewModel(directory.identity(), background, messages, actor,
                directory::birthplace);
    }

    private BirthplacePicker birthplaces;

    /** Birthplaces chosen by name through the practice server (without it, the INSEE code is typed). */
    public NewPatientViewModel withBirthplaces(BirthplacePicker.Search search) {
        this.birthplaces = search == null ? null : new BirthplacePicker(search, background, messages, birthplaceCode,
                () -> {
                    try {
                        return DateInput.parse(birthDate.get()).orElse(null);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                });
        return this;
    }

    /** The birthplace picker, or null when this desktop has no practice server to search. */
    public BirthplacePicker birthplaces() {
        return birthplaces;
    }

    /** INSi queried with the typed traits before creating (SC.INS.13). */
    public InsiRetrievalViewModel insi() {
        return insi;
    }

    /** Checks the typed traits, then asks INSi for them (nothing is written). */
    public void lookupInsi() {
        validate().ifPresent(request -> insi.lookupTraits(request.traits()));
    }

    /** Creates the patient from the identity INSi returned (récupérée), used names as typed. */
    public void createFromInsi(Consumer<Patient> onCreated) {
        insi.createFromInsi(blankToNull(collapse(usedName.get())), blankToNull(collapse(usedFirstName.get())),
                onCreated);
    }

    public StringProperty birthNameProperty() {
        return birthName;
    }

    public StringProperty birthFirstNamesProperty() {
        return birthFirstNames;
    }

    public StringProperty usedNameProperty() {
        return usedName;
    }

    public StringProperty usedFirstNameProperty() {
        return usedFirstName;
    }

    public StringProperty birthDateProperty() {
        return birthDate;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    public StringProperty birthplaceCodeProperty() {
        return birthplaceCode;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public BooleanProperty doubtfulProperty() {
        return doubtful;
    }

    public BooleanProperty fictitiousProperty() {
        return fictitious;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    /** Starts from what the search already knows (typed criteria or a scanned Datamatrix INS). */
    public void prefill(PatientSearchViewModel search) {
        reset();
        ScannedIns scanned = search.scannedProperty().get();
        if (scanned != null) {
            IdentityTraits traits = scanned.traits();
            birthName.set(traits.birthName());
            birthFirstNames.set(traits.birthFirstNames());
            birthDate.set(messages.date(traits.birthDate()));
            sex.set(traits.sex());
            birthplaceCode.set(traits.birthplaceCode() == null ? "" : traits.birthplaceCode());
            return;
        }
        birthName.set(search.nameProperty().get());
        birthFirstNames.set(search.firstNameProperty().get());
        birthDate.set(search.birthDateProperty().get());
    }

    public void reset() {
        for (StringProperty p : List.of(birthName, birthFirstNames, usedName, usedFirstName, birthDate, birthplaceCode,
                phone, error)) {
            p.set("");
        }
        sex.set(null);
        doubtful.set(false);
        fictitious.set(false);
        saving.set(false);
        insi.clear();
    }

    /** The request, or empty with every problem listed in {@link #errorProperty()}. */
    public Optional<NewPatient> validate() {
        List<String> problems = new ArrayList<>();
        String name = collapse(birthName.get());
        String firstNames = collapse(birthFirstNames.get());
        if (name.isEmpty()) {
            problems.add(messages.get("newPatient.error.birthName"));
        }
        if (firstNames.isEmpty()) {
            problems.add(messages.get("newPatient.error.firstNames"));
        }
        LocalDate date = null;
        try {
            date = DateInput.parse(birthDate.get()).orElse(null);
            if (date == null) {
                problems.add(messages.get("newPatient.error.birthDate"));
            } else if (date.isAfter(LocalDate.now(clock))) {
                problems.add(messages.get("newPatient.error.birthDateFuture"));
                date = null;
            }
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (sex.get() == null) {
            problems.add(messages.get("newPatient.error.sex"));
        }
        String place = collapse(birthplaceCode.get()).toUpperCase(java.util.Locale.ROOT);
        if (problems.isEmpty()) {
            // The ins module's rules on strict traits: INS spelling, plausible date, INSEE code.
            IdentityTraits candidate = IdentityTraits.of(name, firstNames, date, sex.get(), place.isEmpty() ? null : place);
            problems.addAll(TraitRules.check(candidate, LocalDate.now(clock)));
        }
        if (!problems.isEmpty()) {
            error.set(String.join("\n", problems));
            return Optional.empty();
        }
        error.set("");
        IdentityTraits traits = IdentityTraits.of(name, firstNames, date, sex.get(), place.isEmpty() ? null : place);
        ContactDetails contact = new ContactDetails(blankToNull(phone.get()), null, null, null, null);
        return Optional.of(new NewPatient(traits, blankToNull(collapse(usedName.get())),
                blankToNull(collapse(usedFirstName.get())), contact,
                new IdentityAttributes(doubtful.get(), fictitious.get(), false)));
    }

    /** Validates, then creates the patient off the FX thread. */
    public void create(Consumer<Patient> onCreated) {
        create(onCreated, null);
    }

    /**
     * Creates the patient; when the traits are complete (birthplace entered) INSi is then asked in
     * the background (SC.INS.13) and {@code onRetrieved} gets the identity if INSi's answer was taken
     * at once (récupérée); otherwise the comparison waits in {@link #insi()}.
     */
    public void create(Consumer<Patient> onCreated, Consumer<Patient> onRetrieved) {
        Optional<NewPatient> request = validate();
        if (request.isEmpty() || saving.get()) {
            return;
        }
        saving.set(true);
        background.run(messages.get("newPatient.task"), progress -> directory.create(request.get(), actor.get()),
                patient -> {
                    saving.set(false);
                    onCreated.accept(patient);
                    if (onRetrieved != null && insi.available() && patient.traits().birthplaceCode() != null) {
                        insi.lookupForPatient(patient.id(), onRetrieved);
                    }
                }, failure -> {
                    saving.set(false);
                    error.set(UserErrors.describe(failure, messages));
                });
    }

    private static String collapse(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
