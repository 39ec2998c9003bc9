package fr.opaline.ui.dmp;

import fr.opaline.api.DmpApi;
import fr.opaline.api.dmp.DicaView;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.dmp.dica.DicaChecklist;
import fr.opaline.dmp.dica.DicaCondition;
import fr.opaline.dmp.dica.DicaItem;
import fr.opaline.dmp.dica.DicaRemedy;
import fr.opaline.dmp.dica.DicaState;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The DICA icon of a record (SC.DMP/UX.13): the checklist of the four conditions, evaluated by the
 * practice server for the signed-in user (how the session was opened decides the authentication
 * condition), again after each change made here (consent, break-glass) and after each opening of the
 * DMP; and the consent of the current care episode, editable from the checklist. Every call runs in
 * the background.
 */
public final class DicaViewModel {

    private final DmpApi dmp;
    private final Background background;
    private final Messages messages;

    private final ObjectProperty<DicaChecklist> checklist = new SimpleObjectProperty<>();
    private final BooleanProperty patientInformed = new SimpleBooleanProperty();
    private final BooleanProperty feedingOpposition = new SimpleBooleanProperty();
    private final ObjectProperty<ConsultationConsent> consultation = new SimpleObjectProperty<>(ConsultationConsent.NOT_ASKED);
    private final StringProperty breakGlassReason = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private UUID patientId;
    private long generation;

    /** @param dmp the server's DMP area; null: no DICA in the record */
    public DicaViewModel(DmpApi dmp, Background background, Messages messages) {
        this.dmp = dmp;
        this.background = background;
        this.messages = messages;
    }

    public boolean available() {
        return dmp != null;
    }

    public ObjectProperty<DicaChecklist> checklistProperty() {
        return checklist;
    }

    public BooleanProperty patientInformedProperty() {
        return patientInformed;
    }

    public BooleanProperty feedingOppositionProperty() {
        return feedingOpposition;
    }

    public ObjectProperty<ConsultationConsent> consultationProperty() {
        return consultation;
    }

    public StringProperty breakGlassReasonProperty() {
        return breakGlassReason;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }

    /** Whether the user's own conditions (INS, consent, authentication) let the DMP be asked. */
    public boolean mayAskTheDmp() {
        DicaChecklist now = checklist.get();
        return now != null && now.item(DicaCondition.INS).met() && now.item(DicaCondition.CONSENT).met()
                && now.item(DicaCondition.AUTHENTICATION).met();
    }

    /**
     * Follows a patient: the checklist now. Called again for the same patient (the record was read
     * again, e.g. after an INSi validation), it evaluates again without blanking the icon.
     */
    public void watch(UUID patient) {
        if (!patient.equals(patientId)) {
            checklist.set(null);
            info.set("");
        }
        patientId = patient;
        error.set("");
        refresh();
    }

    /** Asks the server for the checklist of the followed patient again (after the DMP was opened…). */
    public void refresh() {
        UUID patient = patientId;
        if (patient == null || !available()) {
            return;
        }
        long mine = ++generation;
        background.run(messages.get("dica.task"), progress -> dmp.dica(patient), view -> {
            if (mine == generation && patient.equals(patientId)) {
                show(view);
            }
        }, failure -> error.set(UserErrors.describe(failure, messages)));
    }

    /** Stops following the patient (the record closes or shows another one): late answers are ignored. */
    public void stop() {
        generation++;
    }

    /** Records the consent as edited in the checklist (origin DICA, audited by the server). */
    public void saveConsent() {
        UUID patient = patientId;
        if (patient == null || saving.get() || !available()) {
            return;
        }
        boolean informed = patientInformed.get();
        boolean opposition = feedingOpposition.get();
        ConsultationConsent answer = consultation.get();
        saving.set(true);
        error.set("");
        long mine = ++generation;
        background.run(messages.get("dica.consent.task"),
                progress -> dmp.recordConsent(patient, informed, opposition, answer), view -> {
                    saving.set(false);
                    if (mine == generation && patient.equals(patientId)) {
                        show(view);
                    }
                    info.set(messages.get("dica.consent.saved"));
                }, failure -> {
                    saving.set(false);
                    error.set(UserErrors.describe(failure, messages));
                });
    }

    /** Emergency access without consent ("bris de glace"), with its reason; the server allows professionals only. */
    public void breakGlass() {
        UUID patient = patientId;
        if (patient == null || saving.get() || !available()) {
            return;
        }
        String reason = breakGlassReason.get();
        saving.set(true);
        error.set("");
        long mine = ++generation;
        background.run(messages.get("dica.breakGlass.task"),
                progress -> dmp.breakGlass(patient, reason), view -> {
                    saving.set(false);
                    breakGlassReason.set("");
                    if (mine == generation && patient.equals(patientId)) {
                        show(view);
                    }
                    info.set(messages.get("dica.breakGlass.saved"));
                }, failure -> {
                    saving.set(false);
                    error.set(UserErrors.describe(failure, messages));
                });
    }

    private void show(DicaView view) {
        patientInformed.set(view.patientInformed());
        feedingOpposition.set(view.feedingOpposition());
        consultation.set(view.consultation() == null ? ConsultationConsent.NOT_ASKED : view.consultation());
        checklist.set(checklistOf(view));
    }

    /** The server's checklist as the dmp module's, which the icon and the panel show. */
    static DicaChecklist checklistOf(DicaView view) {
        return new DicaChecklist(view.patientId(), view.userId(), view.items().stream()
                .map(l -> new DicaItem(DicaCondition.valueOf(l.condition()), DicaState.valueOf(l.state()), l.reason(),
                        DicaRemedy.valueOf(l.remedy()))).toList(), view.evaluatedAt());
    }
}
