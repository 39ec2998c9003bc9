package fr.opaline.ui.identity;

import fr.opaline.api.IdentityApi;
import fr.opaline.api.identity.IdentityCheck;
import fr.opaline.core.patient.ContactDetails;
import fr.opaline.core.patient.IdentityAttributes;
import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.Patient;
import fr.opaline.ins.status.IdentityEvidence;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The identity at the desk (SC.INS, RNIV), on the shown patient, through the practice server which
 * applies the status table and audits each change: the identity-document check, the attributes
 * douteuse / fictive / homonyme, the correction of strict traits (the INS is then withdrawn) and the
 * contact details. Each call runs in the background; the record is read again after it.
 */
public final class IdentityDeskViewModel {

    private final IdentityApi identity;
    private final Background background;
    private final Messages messages;

    private final ObjectProperty<Patient> patient = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private Consumer<Patient> changed = p -> { };

    /** @param identity the server's identity area; null: nothing can be changed at the desk */
    public IdentityDeskViewModel(IdentityApi identity, Background background, Messages messages) {
        this.identity = identity;
        this.background = background;
        this.messages = messages;
    }

    public boolean available() {
        return identity != null;
    }

    /** The patient the desk works on (the record's). */
    public ObjectProperty<Patient> patientProperty() {
        return patient;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    /** What to do with the patient as the server changed it (the record reads itself again). */
    public void onChanged(Consumer<Patient> action) {
        changed = action;
    }

    /** Whether strict traits came from INSi (an INS is held): correcting them withdraws it. */
    public boolean traitsLocked() {
        Patient shown = patient.get();
        return shown != null && shown.ins() != null;
    }

    /** Records the check of an identity document seen at the desk (a deliberate, confirmed act). */
    public void recordCheck(IdentityEvidence evidence, LocalDate checkedOn, String checkedBy, String comment) {
        if (evidence == null) {
            error.set(messages.get("desk.check.noDocument"));
            return;
        }
        run("desk.check.task", "desk.check.done", id -> identity.recordIdentityCheck(id,
                new IdentityCheck(evidence.name(), checkedOn, checkedBy, comment)));
    }

    public void setAttributes(IdentityAttributes attributes, String reason) {
        run("desk.attributes.task", "desk.attributes.done", id -> identity.setAttributes(id, attributes, reason));
    }

    /** Corrects strict traits; the view warned first when they are locked. */
    public void correctTraits(IdentityTraits traits, String reason) {
        run("desk.traits.task", "desk.traits.done", id -> identity.correctTraits(id, traits, reason));
    }

    public void updateContact(ContactDetails contact) {
        run("desk.contact.task", "desk.contact.done", id -> identity.updateContact(id, contact));
    }

    private void run(String task, String done, Function<java.util.UUID, Patient> call) {
        Patient shown = patient.get();
        if (shown == null || identity == null || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        info.set("");
        java.util.UUID id = shown.id();
        background.run(messages.get(task), progress -> call.apply(id), updated -> {
            busy.set(false);
            if (patient.get() != null && id.equals(patient.get().id())) {
                patient.set(updated);
                info.set(messages.format(done, messages.label(updated.status()).toLowerCase(messages.locale())));
                changed.accept(updated);
            }
        }, failure -> {
            busy.set(false);
            error.set(UserErrors.describe(failure, messages));
        });
    }
}
