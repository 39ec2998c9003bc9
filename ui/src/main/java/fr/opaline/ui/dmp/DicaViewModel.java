package fr.opaline.ui.dmp;

import fr.opaline.core.common.Actor;
import fr.opaline.core.episode.CareEpisode;
import fr.opaline.core.episode.ConsultationConsent;
import fr.opaline.dmp.DmpUser;
import fr.opaline.dmp.consent.ConsentDecision;
import fr.opaline.dmp.consent.ConsentOrigin;
import fr.opaline.dmp.consent.DmpConsentService;
import fr.opaline.dmp.dica.DicaChecklist;
import fr.opaline.dmp.dica.DicaCondition;
import fr.opaline.dmp.dica.DicaService;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The DICA icon of a record (SC.DMP/UX.13): the checklist of the four conditions, recomputed by
 * the dmp module whenever an input changes (consent, INS, DMP answer), and the consent of the
 * current care episode, editable from the checklist. Every read and write runs in the background.
 */
public final class DicaViewModel {

    private final DicaService dica;
    private final DmpConsentService consent;
    private final Background background;
    private final Messages messages;
    private final Supplier<Actor> actor;
    private final Supplier<DmpUser> user;

    private final ObjectProperty<DicaChecklist> checklist = new SimpleObjectProperty<>();
    private final BooleanProperty patientInformed = new SimpleBooleanProperty();
    private final BooleanProperty feedingOpposition = new SimpleBooleanProperty();
    private final ObjectProperty<ConsultationConsent> consultation = new SimpleObjectProperty<>(ConsultationConsent.NOT_ASKED);
    private final StringProperty breakGlassReason = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");
    private UUID patientId;
    private Runnable unwatch = () -> { };

    public DicaViewModel(DicaService dica, DmpConsentService consent, Background background, Messages messages,
                         Supplier<Actor> actor, Supplier<DmpUser> user) {
        this.dica = dica;
        this.consent = consent;
        this.background = background;
        this.messages = messages;
        this.actor = actor;
        this.user = user;
    }

    public boolean available() {
        return dica != null && consent != null;
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
     * Follows a patient: the checklist now, then after each change the dmp module reports. Called
     * again for the same patient (the record was read again, e.g. after an INSi validation), it
     * evaluates again without blanking the icon.
     */
    public void watch(UUID patient) {
        stop();
        if (!patient.equals(patientId)) {
            checklist.set(null);
            info.set("");
        }
        patientId = patient;
        error.set("");
        if (!available()) {
            return;
        }
        DmpUser current = user.get();
        background.run(messages.get("dica.task"), progress -> {
            Optional<CareEpisode> episode = consent.currentEpisode(patient);
            Runnable stop = dica.watch(patient, current, evaluated -> background.onUi(() -> {
                if (patient.equals(patientId)) {
                    checklist.set(evaluated);
                }
            }));
            return new Watched(episode, stop);
        }, watched -> {
            if (!patient.equals(patientId)) {
                watched.stop().run();
                return;
            }
            unwatch = watched.stop();
            showConsent(watched.episode().orElse(null));
        }, failure -> error.set(UserErrors.describe(failure, messages)));
    }

    /** Stops following the patient (the record closes or shows another one). */
    public void stop() {
        unwatch.run();
        unwatch = () -> { };
    }

    /** Records the consent as edited in the checklist (origin DICA, audited by the dmp module). */
    public void saveConsent() {
        UUID patient = patientId;
        if (patient == null || saving.get()) {
            return;
        }
        ConsentDecision decision = new ConsentDecision(patientInformed.get(), feedingOpposition.get(), consultation.get());
        saving.set(true);
        error.set("");
        background.run(messages.get("dica.consent.task"),
                progress -> consent.record(patient, decision, ConsentOrigin.DICA, actor.get()), episode -> {
                    saving.set(false);
                    showConsent(episode);
                    info.set(messages.get("dica.consent.saved"));
                }, failure -> {
                    saving.set(false);
                    error.set(UserErrors.describe(failure, messages));
                });
    }

    /** Emergency access without consent ("bris de glace"), with its reason; professionals only. */
    public void breakGlass() {
        UUID patient = patientId;
        if (patient == null || saving.get()) {
            return;
        }
        String reason = breakGlassReason.get();
        DmpUser current = user.get();
        saving.set(true);
        error.set("");
        background.run(messages.get("dica.breakGlass.task"),
                progress -> consent.breakGlass(patient, reason, current.account(), actor.get()), episode -> {
                    saving.set(false);
                    breakGlassReason.set("");
                    info.set(messages.get("dica.breakGlass.saved"));
                }, failure -> {
                    saving.set(false);
                    error.set(UserErrors.describe(failure, messages));
                });
    }

    private void showConsent(CareEpisode episode) {
        patientInformed.set(episode != null && episode.patientInformed());
        feedingOpposition.set(episode != null && episode.dmpFeedingOpposition());
        consultation.set(episode == null ? ConsultationConsent.NOT_ASKED : episode.consultationConsent());
    }

    private record Watched(Optional<CareEpisode> episode, Runnable stop) {
    }
}
