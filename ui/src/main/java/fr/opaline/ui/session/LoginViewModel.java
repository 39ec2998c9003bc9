package fr.opaline.ui.session;

import fr.opaline.core.user.UserAccount;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.BackgroundTask;
import fr.opaline.ui.concurrent.UserErrors;
import fr.opaline.ui.i18n.Messages;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Signing in (and unlocking): Pro Santé Connect by CIBA (binding message, waiting, cancel) or
 * in the browser, a local account, or, in {@code opaline demo} only, a fictitious account.
 * When {@link #restrictTo(UserAccount)} is set (unlocking), only that user is accepted.
 */
public final class LoginViewModel {

    public enum Phase { IDLE, WORKING, AWAITING_PSC }

    /** Where a local-account sign-in stands: identifiers, then the TOTP code, then a new password. */
    public enum Step { CREDENTIALS, TOTP_CODE, NEW_PASSWORD }

    private final AuthenticationPort port;
    private final DemoSignIn demo;
    private final Background background;
    private final Messages messages;
    private final Consumer<AuthenticatedUser> onSignedIn;

    private final StringProperty login = new SimpleStringProperty("");
    private final StringProperty nationalId = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CREDENTIALS);
    private final ReadOnlyStringWrapper stepPrompt = new ReadOnlyStringWrapper("");
    /** The password proved at the first step, kept (FX thread only) until the sign-in ends. */
    private char[] heldPassword;
    private String heldLogin;
    private String heldCode;
    private final ReadOnlyStringWrapper bindingMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<UserAccount> demoAccounts = FXCollections.observableArrayList();
    private final ObjectProperty<UserAccount> restrictedTo = new SimpleObjectProperty<>();
    private final AtomicReference<PscCibaSession> pendingPsc = new AtomicReference<>();
    private BackgroundTask<?> current;

    /** @param demo null outside {@code opaline demo} */
    public LoginViewModel(AuthenticationPort port, DemoSignIn demo, Background background, Messages messages,
                          Consumer<AuthenticatedUser> onSignedIn) {
        this.port = port;
        this.demo = demo;
        this.background = background;
        this.messages = messages;
        this.onSignedIn = onSignedIn;
    }

    public boolean offersPassword() {
        return port.offersPassword();
    }

    public boolean offersPscCiba() {
        return port.offersPscCiba();
    }

    public boolean offersPscBrowser() {
        return port.offersPscBrowser();
    }

    public boolean demoMode() {
        return demo != null;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty nationalIdProperty() {
        return nationalId;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** What the server said the current step needs (e.g. "Mot de passe provisoire : choisissez…"). */
    public ReadOnlyStringProperty stepPromptProperty() {
        return stepPrompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bindingMessageProperty() {
        return bindingMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<UserAccount> demoAccounts() {
        return demoAccounts;
    }

    public ObjectProperty<UserAccount> restrictedToProperty() {
        return restrictedTo;
    }

    /** Unlocking: only this user may sign in again; their identifiers are filled in. */
    public void restrictTo(UserAccount account) {
        restrictedTo.set(account);
        if (account != null) {
            login.set(account.login());
            nationalId.set(account.rpps() == null ? "" : "8" + account.rpps());
        }
        reset();
    }

    public void loadDemoAccounts() {
        if (demo == null) {
            return;
        }
        background.run(messages.get("login.task.accounts"), progress -> demo.accounts(), demoAccounts::setAll,
                failure -> error.set(UserErrors.describe(failure, messages)));
    }

    public void signInWithPassword(char[] password) {
        String typed = login.get() == null ? "" : login.get().strip();
        if (typed.isEmpty() || password.length == 0) {
            Arrays.fill(password, '\0');
            error.set(messages.get("login.error.empty"));
            return;
        }
        forgetHeld();
        heldLogin = typed;
        heldPassword = password.clone();
        attempt(password, null);
    }

    /** Second step: the code of the account's authenticator application. */
    public void submitTotpCode(String code) {
        String typed = code == null ? "" : code.strip();
        if (heldPassword == null || step.get() != Step.TOTP_CODE) {
            return;
        }
        if (!typed.matches("\\d{6}")) {
            error.set(messages.get("login.error.totpCode"));
            return;
        }
        heldCode = typed;
        attempt(heldPassword.clone(), typed);
    }

    private void attempt(char[] password, String code) {
        String who = heldLogin;
        start(Phase.WORKING, messages.get("login.status.checking"));
        current = background.run(messages.get("login.task.password"), progress -> {
            try {
                return port.signInWithPassword(who, password, code);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, this::accept, this::failStep);
    }

    /**
     * Last step for a temporary or expired password: the new one, typed twice; the server applies
     * the policy of the role and says what is missing.
     */
    public void submitNewPassword(char[] next, char[] confirmation) {
        if (heldPassword == null || step.get() != Step.NEW_PASSWORD) {
            Arrays.fill(next, '\0');
            Arrays.fill(confirmation, '\0');
            return;
        }
        boolean same = Arrays.equals(next, confirmation);
        Arrays.fill(confirmation, '\0');
        if (next.length == 0 || !same) {
            Arrays.fill(next, '\0');
            error.set(messages.get(same ? "login.error.newPasswordEmpty" : "login.error.newPasswordMismatch"));
            return;
        }
        String who = heldLogin;
        char[] current = heldPassword.clone();
        String code = heldCode;
        start(Phase.WORKING, messages.get("login.status.changing"));
        this.current = background.run(messages.get("login.task.changePassword"), progress -> {
            try {
                return port.changePassword(who, current, next, code);
            } finally {
                Arrays.fill(current, '\0');
                Arrays.fill(next, '\0');
            }
        }, this::accept, this::failStep);
    }

    /** Leaves the code or new-password step for the identifiers again. */
    public void backToCredentials() {
        forgetHeld();
        error.set("");
        reset();
    }

    private void failStep(Throwable failure) {
        if (!(failure instanceof AuthenticationException refused)) {
            fail(failure);
            return;
        }
        current = null;
        phase.set(Phase.IDLE);
        status.set("");
        switch (refused.next()) {
            case TOTP_CODE -> {
                step.set(Step.TOTP_CODE);
                stepPrompt.set(refused.getMessage());
                error.set("");
            }
            case ANOTHER_TOTP_CODE -> {
                step.set(Step.TOTP_CODE);
                error.set(refused.getMessage());
            }
            case NEW_PASSWORD -> {
                step.set(Step.NEW_PASSWORD);
                stepPrompt.set(refused.getMessage());
                error.set("");
            }
            case RETRY -> {
                if (step.get() == Step.NEW_PASSWORD) {
                    // The policy refused the new password: say why and let the user choose another.
                    error.set(refused.getMessage());
                } else {
                    forgetHeld();
                    reset();
                    error.set(refused.getMessage());
                }
            }
        }
    }

    private void forgetHeld() {
        if (heldPassword != null) {
            Arrays.fill(heldPassword, '\0');
        }
        heldPassword = null;
        heldLogin = null;
        heldCode = null;
    }

    /** CIBA: asks the practice server to start a request, shows the binding message, then waits. */
    public void startPscCiba() {
        String id = nationalId.get() == null ? "" : nationalId.get().strip();
        if (id.isEmpty()) {
            error.set(messages.get("login.error.nationalId"));
            return;
        }
        start(Phase.WORKING, messages.get("login.status.pscStarting"));
        current = background.runCancellable(messages.get("login.task.psc"), progress -> {
            PscCibaSession session = port.startPscCiba(id);
            pendingPsc.set(session);
            background.onUi(() -> {
                if (phase.get() != Phase.IDLE) {
                    bindingMessage.set(session.bindingMessage());
                    phase.set(Phase.AWAITING_PSC);
                    status.set(messages.get("login.status.pscWaiting"));
                }
            });
            try {
                return session.await(text -> background.onUi(() -> {
                    if (phase.get() == Phase.AWAITING_PSC) {
                        status.set(text);
                    }
                }));
            } catch (InterruptedException e) {
                // The user cancelled while we waited: withdraw the request at PSC ourselves, as the
                // cancellation callback may run after this thread has already let go of the session.
                if (pendingPsc.compareAndSet(session, null)) {
                    session.cancel();
                }
                throw e;
            } finally {
                pendingPsc.compareAndSet(session, null);
            }
        }, this::accept, this::fail).whenCancelled(() -> {
            Optional.ofNullable(pendingPsc.getAndSet(null)).ifPresent(PscCibaSession::cancel);
            reset();
            status.set(messages.get("login.status.cancelled"));
        });
    }

    public void signInWithPscBrowser() {
        start(Phase.WORKING, messages.get("login.status.browser"));
        current = background.runCancellable(messages.get("login.task.browser"),
                progress -> port.signInWithPscBrowser(), this::accept, this::fail)
                .whenCancelled(() -> {
                    reset();
                    status.set(messages.get("login.status.cancelled"));
                });
    }

    public void signInDemo(UserAccount account) {
        if (demo == null || account == null) {
            return;
        }
        start(Phase.WORKING, messages.get("login.status.checking"));
        current = background.run(messages.get("login.task.demo"), progress -> demo.signIn(account), this::accept,
                this::fail);
    }

    /** Cancels the sign-in in progress (CIBA wait or browser). */
    public void cancel() {
        if (current != null && current.cancellable()) {
            current.cancel();
        }
    }

    private void start(Phase next, String text) {
        error.set("");
        bindingMessage.set("");
        status.set(text);
        phase.set(next);
    }

    private void accept(AuthenticatedUser user) {
        current = null;
        forgetHeld();
        UserAccount only = restrictedTo.get();
        if (only != null && !only.id().equals(user.account().id())) {
            reset();
            error.set(messages.format("login.error.otherUser", only.displayName()));
            return;
        }
        reset();
        onSignedIn.accept(user);
    }

    private void fail(Throwable failure) {
        current = null;
        reset();
        error.set(failure instanceof AuthenticationException ? failure.getMessage()
                : UserErrors.describe(failure, messages));
    }

    private void reset() {
        phase.set(Phase.IDLE);
        if (heldPassword == null) {
            step.set(Step.CREDENTIALS);
            stepPrompt.set("");
        }
        bindingMessage.set("");
        status.set("");
    }
}
