package fr.opaline.ui.shell;

import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.BackgroundTask;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.session.AuthenticatedUser;
import fr.opaline.ui.session.UserSession;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.geometry.Orientation;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * The status bar: who is signed in, the background work in progress (after a short delay, with
 * its progress and a cancel button when it can be cancelled), the database and the technical
 * version (REQUIREMENTS §10).
 */
final class StatusBarView extends StatusBar {

    private final Messages messages;
    private final Background background;
    private final Label activity = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button();
    private final HBox activityBox;
    private final PauseTransition delay = new PauseTransition(Duration.millis(350));

    StatusBarView(Messages messages, Background background, UserSession session, String database, String version) {
        this.messages = messages;
        this.background = background;
        getStyleClass().add("opaline-status-bar");
        setId("status-bar");
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> describe(session.user()),
                session.userProperty()));
        progress.setPrefWidth(120);
        cancel.setText(messages.get("status.cancel"));
        cancel.getStyleClass().add("link-button");
        cancel.setId("status-cancel");
        activity.setId("status-activity");
        activityBox = new HBox(8, activity, progress, cancel);
        activityBox.setAlignment(Pos.CENTER_LEFT);
        activityBox.setVisible(false);
        activityBox.setManaged(false);
        Label db = new Label(messages.format("status.database", database));
        db.setId("status-database");
        Label versionLabel = new Label(messages.format("status.version", version));
        versionLabel.setId("status-version");
        getRightItems().addAll(activityBox, separator(), db, separator(), versionLabel);
        background.running().addListener((ListChangeListener<BackgroundTask<?>>) c -> scheduleUpdate());
        delay.setOnFinished(e -> update());
    }

    private String describe(AuthenticatedUser user) {
        return user == null ? messages.get("status.signedOut")
                : messages.format("status.signedIn", user.account().displayName(), messages.label(user.account().role()));
    }

    private void scheduleUpdate() {
        if (background.running().isEmpty()) {
            delay.stop();
            update();
        } else if (!activityBox.isVisible()) {
            delay.playFromStart();
        } else {
            update();
        }
    }

    private void update() {
        if (background.running().isEmpty()) {
            activityBox.setVisible(false);
            activityBox.setManaged(false);
            progress.progressProperty().unbind();
            return;
        }
        BackgroundTask<?> task = background.running().get(background.running().size() - 1);
        activity.setText(background.running().size() == 1 ? task.description()
                : messages.format("status.tasks", task.description(), background.running().size() - 1));
        progress.progressProperty().bind(task.progressProperty());
        cancel.setVisible(task.cancellable());
        cancel.setManaged(task.cancellable());
        cancel.setOnAction(e -> task.cancel());
        activityBox.setVisible(true);
        activityBox.setManaged(true);
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
