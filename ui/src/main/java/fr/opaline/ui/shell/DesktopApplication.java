package fr.opaline.ui.shell;

import fr.opaline.ui.DesktopContext;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.concurrent.FxThreadWatchdog;
import fr.opaline.ui.i18n.Messages;
import fr.opaline.ui.session.AuthenticatedUser;
import fr.opaline.ui.session.LoginView;
import fr.opaline.ui.session.LoginViewModel;
import fr.opaline.ui.session.UserSession;
import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's composition: sign-in, then the main window; the inactivity lock hides the
 * patient data until the same user signs in again. Also watches the FX thread and logs any
 * stall, naming the code that caused it.
 */
public final class DesktopApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApplication.class);
    public static final String STYLESHEET = "/fr/opaline/ui/shell/opaline.css";

    private final DesktopContext context;
    private final Messages messages;
    private final Background background;
    private final UserSession session;
    private final FxThreadWatchdog watchdog;
    private final StackPane root = new StackPane();
    private final Timeline idleTicks;
    private Stage stage;
    private MainWindow main;
    private LoginView lockView;

    public DesktopApplication(DesktopContext context) {
        this.context = context;
        this.messages = Messages.load(context.locale());
        this.background = Background.forFx();
        this.session = new UserSession(context.services().clock(), context.idleLock());
        this.watchdog = new FxThreadWatchdog(Duration.ofMillis(250), Platform::runLater,
                violation -> LOG.warn("Interface figée : {}", violation));
        this.idleTicks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(5), e -> session.tick()));
        idleTicks.setCycleCount(Timeline.INDEFINITE);
        root.getStyleClass().add("app-root");
        session.lockedProperty().addListener((o, was, locked) -> {
            if (locked) {
                lockOnServer();
                showLock();
            } else {
                hideLock();
            }
        });
    }

    /** Builds the scene on the given stage and shows it. */
    public void start(Stage target) {
        this.stage = target;
        Scene scene = new Scene(root);
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        for (var type : java.util.List.of(KeyEvent.KEY_PRESSED, MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_MOVED,
                ScrollEvent.SCROLL)) {
            scene.addEventFilter(type, (InputEvent e) -> session.activity());
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), session::lockNow);
        stage.setScene(scene);
        stage.setTitle(messages.format("shell.title", context.services().practiceName()));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1680, screen.getWidth()));
        stage.setHeight(Math.min(1050, screen.getHeight()));
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        showLogin();
        stage.show();
        stage.centerOnScreen();
        idleTicks.play();
        watchdog.start();
    }

    private void showLogin() {
        if (main != null) {
            main.close();
            main = null;
        }
        LoginViewModel login = new LoginViewModel(context.authentication(), context.demo(), background, messages,
                this::signedIn);
        LoginView view = new LoginView(login, messages, LoginView.Purpose.SIGN_IN, context.services().practiceName(),
                null);
        login.loadDemoAccounts();
        root.getChildren().setAll(view);
        Thread preload = new Thread(ClassPreloader::preload, "opaline-preload");
        preload.setDaemon(true);
        preload.setPriority(Thread.MIN_PRIORITY);
        preload.start();
    }

    private void signedIn(AuthenticatedUser user) {
        session.signedIn(user);
        main = new MainWindow(context, messages, background, session, session::lockNow,
                () -> AboutDialog.create(stage, context, messages).show());
        root.getChildren().setAll(main);
    }

    /**
     * The desktop's lock is the server's too: until the same user signs in again, the session's
     * handle opens nothing (the server also locks it by itself after {@code ui.idleLock}).
     */
    private void lockOnServer() {
        fr.opaline.api.client.ApiClient api = context.services().api();
        if (api != null && api.signedIn()) {
            Thread lock = new Thread(() -> {
                try {
                    api.api(fr.opaline.api.SessionApi.class).lock();
                } catch (RuntimeException e) {
                    LOG.info("Verrouillage de la session sur le serveur : {}", e.getMessage());
                }
            }, "session-lock");
            lock.setDaemon(true);
            lock.start();
        }
    }

    private void showLock() {
        if (main == null) {
            return;
        }
        LoginViewModel unlock = new LoginViewModel(context.authentication(), context.demo(), background, messages,
                again -> {
                    if (!session.unlock(again)) {
                        LOG.warn("Unlock refused for another account");
                    }
                });
        unlock.restrictTo(session.user().account());
        lockView = new LoginView(unlock, messages, LoginView.Purpose.UNLOCK, null, () -> {
            endOutside(session.user());
            session.signOut();
            hideLock();
            showLogin();
        });
        unlock.loadDemoAccounts();
        main.setVisible(false);
        root.getChildren().add(lockView);
    }

    private void hideLock() {
        if (lockView != null) {
            root.getChildren().remove(lockView);
            lockView = null;
        }
        if (main != null) {
            main.setVisible(true);
        }
    }

    public void stop() {
        endOutside(session.user());
        idleTicks.stop();
        watchdog.close();
        if (main != null) {
            main.close();
        }
        background.close();
    }

    /** Ends the user's sessions outside the desktop (PSC at the proxy) on a thread of its own: the exit waits for it. */
    private void endOutside(AuthenticatedUser user) {
        if (user != null) {
            new Thread(() -> context.authentication().signOut(user), "sign-out").start();
        }
    }

    public UserSession session() {
        return session;
    }

    public MainWindow mainWindow() {
        return main;
    }

    public Background background() {
        return background;
    }
}
