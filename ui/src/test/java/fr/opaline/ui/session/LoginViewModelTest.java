package fr.opaline.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import fr.opaline.core.user.UserAccount;
import fr.opaline.ui.concurrent.Background;
import fr.opaline.ui.i18n.Messages;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sign-in screen's behaviour against the port's contract (the PSC and password
 * implementations come with the PSC work): CIBA shows the binding message, reports progress and
 * can be cancelled; failures are shown; unlocking accepts only the same user.
 */
class LoginViewModelTest {

    final ExecutorService ui = Executors.newSingleThreadExecutor();
    final Background background = new Background(Executors.newCachedThreadPool(), ui);
    final List<AuthenticatedUser> signedIn = new CopyOnWriteArrayList<>();
    final UserAccount lambert = UserSessionTest.account("dr.lambert");

    @AfterEach
    void close() {
        background.close();
        ui.shutdownNow();
    }

    /** A CIBA request that waits until approved or interrupted. */
    final class PendingCiba implements PscCibaSession {
        final CountDownLatch approved = new CountDownLatch(1);
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicBoolean interrupted = new AtomicBoolean();

        @Override
        public String bindingMessage() {
            return "K7-42";
        }

        @Override
        public Instant expiresAt() {
            return Instant.now().plusSeconds(120);
        }

        @Override
        public AuthenticatedUser await(Consumer<String> status) throws InterruptedException {
            status.accept("authorization_pending : en attente de validation");
            try {
                approved.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return new AuthenticatedUser(lambert, SignInMethod.PSC_CIBA, Instant.now());
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    final class Port implements AuthenticationPort {
        final PendingCiba ciba = new PendingCiba();
        String requestedId;

        @Override
        public boolean offersPassword() {
            return true;
        }

        @Override
        public boolean offersPscCiba() {
            return true;
        }

        @Override
        public boolean offersPscBrowser() {
            return false;
        }

        @Override
        public AuthenticatedUser signInWithPassword(String login, char[] password) throws AuthenticationException {
            if (!"secret".equals(new String(password))) {
                throw new AuthenticationException("Identifiant ou mot de passe incorrect.");
            }
            return new AuthenticatedUser(lambert, SignInMethod.PASSWORD, Instant.now());
        }

        @Override
        public PscCibaSession startPscCiba(String nationalId) {
            requestedId = nationalId;
            return ciba;
        }

        @Override
        public AuthenticatedUser signInWithPscBrowser() throws AuthenticationException {
            throw new AuthenticationException("non proposé");
        }
    }

    void eventually(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            AtomicBoolean result = new AtomicBoolean();
            ui.submit(() -> result.set(condition.getAsBoolean())).get();
            if (result.get()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("condition not met in time");
    }

    @Test
    void cibaShowsTheBindingMessageWaitsAndSignsIn() throws Exception {
        Port port = new Port();
        LoginViewModel login = new LoginViewModel(port, null, background, Messages.french(), signedIn::add);
        login.nationalIdProperty().set("899700000000");
        ui.submit(login::startPscCiba).get();

        eventually(() -> login.phaseProperty().get() == LoginViewModel.Phase.AWAITING_PSC);
        eventually(() -> login.statusProperty().get().startsWith("authorization_pending"));
        assertThat(login.bindingMessageProperty().get()).isEqualTo("K7-42");
        assertThat(port.requestedId).isEqualTo("899700000000");
        assertThat(background.running()).hasSize(1);
        assertThat(background.running().get(0).cancellable()).isTrue();

        port.ciba.approved.countDown();
        eventually(() -> signedIn.size() == 1);
        assertThat(signedIn.get(0).method()).isEqualTo(SignInMethod.PSC_CIBA);
        eventually(() -> login.phaseProperty().get() == LoginViewModel.Phase.IDLE && background.running().isEmpty());
    }

    @Test
    void cancellingCibaInterruptsTheWaitAndForgetsTheRequest() throws Exception {
        Port port = new Port();
        LoginViewModel login = new LoginViewModel(port, null, background, Messages.french(), signedIn::add);
        login.nationalIdProperty().set("899700000000");
        ui.submit(login::startPscCiba).get();
        eventually(() -> login.phaseProperty().get() == LoginViewModel.Phase.AWAITING_PSC);

        ui.submit(login::cancel).get();

        eventually(() -> port.ciba.interrupted.get() && port.ciba.cancelled.get());
        eventually(() -> login.phaseProperty().get() == LoginViewModel.Phase.IDLE
                && login.statusProperty().get().equals("Connexion annulée.")
                && login.bindingMessageProperty().get().isEmpty() && background.running().isEmpty());
        Thread.sleep(100);
        assertThat(signedIn).isEmpty();
    }

    @Test
    void aRefusedPasswordIsShownAndAnEmptyOneNeverSent() throws Exception {
        Port port = new Port();
        LoginViewModel login = new LoginViewModel(port, null, background, Messages.french(), signedIn::add);
        login.loginProperty().set("dr.lambert");
        ui.submit(() -> login.signInWithPassword(new char[0])).get();
        eventually(() -> login.errorProperty().get().equals("Saisissez votre identifiant et votre mot de passe."));

        char[] wrong = "nope".toCharArray();
        ui.submit(() -> login.signInWithPassword(wrong)).get();
        eventually(() -> login.errorProperty().get().equals("Identifiant ou mot de passe incorrect."));
        assertThat(wrong).containsOnly('\0');

        ui.submit(() -> login.signInWithPassword("secret".toCharArray())).get();
        eventually(() -> signedIn.size() == 1);
    }

    @Test
    void unlockingAcceptsOnlyTheLockedUser() throws Exception {
        Port port = new Port();
        LoginViewModel unlock = new LoginViewModel(port, null, background, Messages.french(), signedIn::add);
        UserAccount nadia = UserSessionTest.account("nadia");
        ui.submit(() -> unlock.restrictTo(nadia)).get();
        assertThat(unlock.loginProperty().get()).isEqualTo("nadia");
        ui.submit(() -> unlock.signInWithPassword("secret".toCharArray())).get();
        eventually(() -> unlock.errorProperty().get().startsWith("Seul(e) nadia peut déverrouiller"));
        assertThat(signedIn).isEmpty();
    }

    @Test
    void withoutAnyMethodTheScreenSaysSo() {
        LoginViewModel login = new LoginViewModel(AuthenticationPort.none(), null, background, Messages.french(),
                signedIn::add);
        assertThat(login.offersPassword() || login.offersPscCiba() || login.offersPscBrowser() || login.demoMode())
                .isFalse();
    }
}
