package fr.opaline.ui.session;

import fr.opaline.core.user.UserAccount;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.widgets.Caption;
import fr.opaline.ui.widgets.Icon;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The sign-in card, shown alone at start and over the locked desktop. It only shows the methods
 * the installation offers; the demonstration picker is labelled as such.
 */
public final class LoginView extends StackPane {

    public enum Purpose { SIGN_IN, UNLOCK }

    private final LoginViewModel model;
    private final Messages messages;
    private final VBox card = new VBox(14);

    public LoginView(LoginViewModel model, Messages messages, Purpose purpose, String practiceName, Runnable switchUser) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add(purpose == Purpose.SIGN_IN ? "login-screen" : "lock-screen");
        setId(purpose == Purpose.SIGN_IN ? "login" : "lock");
        card.getStyleClass().add("login-card");
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setFillWidth(true);

        Label brand = new Label("Opaline");
        brand.getStyleClass().add("login-brand");
        Label subtitle = new Label(purpose == Purpose.SIGN_IN ? messages.get("login.subtitle")
                : messages.get("lock.subtitle"));
        subtitle.getStyleClass().add("login-subtitle");
        subtitle.setWrapText(true);
        card.getChildren().addAll(purpose == Purpose.SIGN_IN ? brand : lockTitle(), subtitle);
        if (purpose == Purpose.SIGN_IN && practiceName != null) {
            Label practice = new Label(practiceName);
            practice.getStyleClass().add("login-practice");
            card.getChildren().add(practice);
        }
        if (purpose == Purpose.UNLOCK) {
            Label who = new Label();
            who.getStyleClass().add("lock-user");
            who.textProperty().bind(Bindings.createStringBinding(() -> model.restrictedToProperty().get() == null ? ""
                    : model.restrictedToProperty().get().displayName(), model.restrictedToProperty()));
            card.getChildren().add(who);
        }

        boolean any = false;
        if (model.offersPscCiba() || model.offersPscBrowser()) {
            card.getChildren().add(pscSection());
            any = true;
        }
        if (model.offersPassword()) {
            if (any) {
                card.getChildren().add(new Separator());
            }
            card.getChildren().add(passwordSection());
            any = true;
        }
        if (model.demoMode()) {
            if (any) {
                card.getChildren().add(new Separator());
            }
            card.getChildren().add(demoSection(purpose));
            any = true;
        }
        if (!any) {
            Label none = new Label(messages.get("login.noMethod"));
            none.setWrapText(true);
            none.getStyleClass().add("form-error");
            card.getChildren().add(none);
        }

        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.setId("login-status");
        status.managedProperty().bind(model.statusProperty().isNotEmpty());
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.IDLE));
        progress.managedProperty().bind(progress.visibleProperty());
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setId("login-error");
        card.getChildren().addAll(progress, status, error);
        if (purpose == Purpose.UNLOCK && switchUser != null) {
            Button other = new Button(messages.get("lock.switchUser"));
            other.getStyleClass().add("link-button");
            other.setId("lock-switch-user");
            other.setOnAction(e -> switchUser.run());
            card.getChildren().add(other);
        }
        getChildren().add(card);
        setPadding(new Insets(24));
    }

    private HBox lockTitle() {
        Label title = new Label(messages.get("lock.title"));
        title.getStyleClass().add("login-brand");
        HBox box = new HBox(10, Icon.LOCK.node(26), title);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox pscSection() {
        Label title = new Label(messages.get("login.psc"));
        title.getStyleClass().add("card-title");
        VBox box = new VBox(8, title);
        if (model.offersPscCiba()) {
            TextField id = new TextField();
            id.setId("login-national-id");
            id.setPromptText(messages.get("login.nationalId.prompt"));
            id.textProperty().bindBidirectional(model.nationalIdProperty());
            Button ciba = new Button(messages.get("login.psc.ciba"));
            ciba.getStyleClass().add("primary");
            ciba.setId("login-psc-ciba");
            ciba.setMaxWidth(Double.MAX_VALUE);
            ciba.disableProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.IDLE));
            ciba.setOnAction(e -> model.startPscCiba());
            id.setOnAction(e -> model.startPscCiba());
            box.getChildren().addAll(Caption.of(messages.get("login.nationalId")), id, ciba);
        }
        if (model.offersPscBrowser()) {
            Button browser = new Button(messages.get("login.psc.browser"));
            browser.setMaxWidth(Double.MAX_VALUE);
            browser.setId("login-psc-browser");
            browser.disableProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.IDLE));
            browser.setOnAction(e -> model.signInWithPscBrowser());
            box.getChildren().add(browser);
        }
        Label binding = new Label();
        binding.getStyleClass().add("binding-message");
        binding.setId("login-binding-message");
        binding.textProperty().bind(model.bindingMessageProperty());
        Label bindingHelp = new Label(messages.get("login.psc.bindingHelp"));
        bindingHelp.setWrapText(true);
        bindingHelp.getStyleClass().add("muted");
        Button cancel = new Button(messages.get("common.cancel"));
        cancel.setId("login-cancel");
        cancel.setOnAction(e -> model.cancel());
        VBox waiting = new VBox(8, bindingHelp, binding, cancel);
        waiting.setAlignment(Pos.CENTER);
        waiting.getStyleClass().add("binding-box");
        waiting.visibleProperty().bind(model.phaseProperty().isEqualTo(LoginViewModel.Phase.AWAITING_PSC));
        waiting.managedProperty().bind(waiting.visibleProperty());
        box.getChildren().add(waiting);
        return box;
    }

    private VBox passwordSection() {
        Label title = new Label(messages.get("login.local"));
        title.getStyleClass().add("card-title");
        TextField login = new TextField();
        login.setId("login-login");
        login.textProperty().bindBidirectional(model.loginProperty());
        login.disableProperty().bind(model.restrictedToProperty().isNotNull());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        Button submit = new Button(messages.get("login.signIn"));
        submit.setId("login-submit");
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.setOnAction(e -> {
            char[] typed = password.getText().toCharArray();
            password.clear();
            model.signInWithPassword(typed);
        });
        VBox credentials = step(LoginViewModel.Step.CREDENTIALS, submit, Caption.of(messages.get("login.login")), login,
                Caption.of(messages.get("login.password")), password, submit);

        TextField code = new TextField();
        code.setId("login-totp-code");
        code.setPromptText("123456");
        Button submitCode = new Button(messages.get("login.totp.submit"));
        submitCode.setId("login-totp-submit");
        submitCode.setMaxWidth(Double.MAX_VALUE);
        submitCode.setOnAction(e -> {
            String typed = code.getText();
            code.clear();
            model.submitTotpCode(typed);
        });
        VBox totp = step(LoginViewModel.Step.TOTP_CODE, submitCode, prompt("login-totp-prompt"),
                Caption.of(messages.get("login.totp.code")), code, submitCode, backButton("login-totp-back"));

        PasswordField next = new PasswordField();
        next.setId("login-new-password");
        PasswordField again = new PasswordField();
        again.setId("login-new-password-confirm");
        Button submitNew = new Button(messages.get("login.newPassword.submit"));
        submitNew.setId("login-new-password-submit");
        submitNew.setMaxWidth(Double.MAX_VALUE);
        submitNew.setOnAction(e -> {
            char[] first = next.getText().toCharArray();
            char[] second = again.getText().toCharArray();
            next.clear();
            again.clear();
            model.submitNewPassword(first, second);
        });
        VBox change = step(LoginViewModel.Step.NEW_PASSWORD, submitNew, prompt("login-new-password-prompt"),
                Caption.of(messages.get("login.newPassword")), next,
                Caption.of(messages.get("login.newPassword.confirm")), again, submitNew,
                backButton("login-new-password-back"));

        model.stepProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
            switch (now) {
                case CREDENTIALS -> password.requestFocus();
                case TOTP_CODE -> code.requestFocus();
                case NEW_PASSWORD -> next.requestFocus();
            }
        }));
        return new VBox(8, title, credentials, totp, change);
    }

    /** The fields of one step of the local sign-in, shown only at that step; its button is the default one. */
    private VBox step(LoginViewModel.Step step, Button submit, javafx.scene.Node... nodes) {
        VBox box = new VBox(8, nodes);
        box.visibleProperty().bind(model.stepProperty().isEqualTo(step));
        box.managedProperty().bind(box.visibleProperty());
        submit.defaultButtonProperty().bind(box.visibleProperty());
        submit.disableProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.IDLE));
        return box;
    }

    private Label prompt(String id) {
        Label prompt = new Label();
        prompt.setId(id);
        prompt.textProperty().bind(model.stepPromptProperty());
        prompt.setWrapText(true);
        prompt.getStyleClass().add("login-step-prompt");
        return prompt;
    }

    private Button backButton(String id) {
        Button back = new Button(messages.get("login.back"));
        back.getStyleClass().add("link-button");
        back.setId(id);
        back.disableProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.IDLE));
        back.setOnAction(e -> model.backToCredentials());
        return back;
    }

    private VBox demoSection(Purpose purpose) {
        Label title = new Label(messages.get("login.demo"));
        title.getStyleClass().add("demo-title");
        Label note = new Label(messages.get(purpose == Purpose.SIGN_IN ? "login.demo.note" : "lock.demo.note"));
        note.setWrapText(true);
        note.getStyleClass().add("demo-note");
        VBox accounts = new VBox(6);
        accounts.setId("login-demo-accounts");
        Runnable fill = () -> {
            accounts.getChildren().clear();
            for (UserAccount account : model.demoAccounts()) {
                UserAccount only = model.restrictedToProperty().get();
                if (only != null && !only.id().equals(account.id())) {
                    continue;
                }
                Label name = new Label(account.displayName());
                name.getStyleClass().add("demo-account-name");
                Label role = new Label(messages.label(account.role()) + " · " + account.login());
                role.getStyleClass().add("muted");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox content = new HBox(8, new VBox(1, name, role), spacer, Icon.NEXT.node(12));
                content.setAlignment(Pos.CENTER_LEFT);
                Button button = new Button();
                button.setGraphic(content);
                button.setMaxWidth(Double.MAX_VALUE);
                button.getStyleClass().add("demo-account");
                button.setId("demo-" + account.login());
                button.disableProperty().bind(model.phaseProperty().isNotEqualTo(LoginViewModel.Phase.IDLE));
                button.setOnAction(e -> model.signInDemo(account));
                content.prefWidthProperty().bind(button.widthProperty().subtract(28));
                accounts.getChildren().add(button);
            }
        };
        model.demoAccounts().addListener((javafx.collections.ListChangeListener<UserAccount>) c -> fill.run());
        model.restrictedToProperty().addListener((o, was, now) -> fill.run());
        fill.run();
        VBox box = new VBox(8, title, note, accounts);
        box.getStyleClass().add("demo-section");
        return box;
    }

}
