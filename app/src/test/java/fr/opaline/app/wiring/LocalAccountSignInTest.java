package fr.opaline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.app.config.OpalineConfig;
import fr.opaline.core.common.Actor;
import fr.opaline.core.user.AccountAdministration.NewAccount;
import fr.opaline.core.user.Role;
import fr.opaline.ui.session.AuthenticatedUser;
import fr.opaline.ui.session.AuthenticationException;
import fr.opaline.ui.session.SignInMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's ({@code opaline desktop}) sign-in over core's local accounts. */
class LocalAccountSignInTest {

    @TempDir
    Path home;

    @Test
    void passwordSignInGoesThroughCoreAndItsRefusalsReachTheUserInFrench() throws Exception {
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME),
                "accounts.argon2.memoryKiB=1024\naccounts.argon2.iterations=1\n");
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, null))) {
            AccountsWiring accounts = new AccountsWiring(core);
            var account = accounts.administration.create(Actor.system("test"), new NewAccount("accueil.durand",
                    "Marie Durand", Role.SECRETAIRE, null, null, null), "Provisoire-2026!".toCharArray());
            LocalAccountSignIn signIn = new LocalAccountSignIn(accounts.authentication);
            assertThat(signIn.offersPassword()).isTrue();
            assertThat(signIn.offersPscCiba()).isFalse();

            assertThatThrownBy(() -> signIn.signInWithPassword("accueil.durand", "mauvais".toCharArray()))
                    .isInstanceOf(AuthenticationException.class).hasMessage("Identifiant ou mot de passe incorrect.");
            assertThatThrownBy(() -> signIn.signInWithPassword("accueil.durand", "Provisoire-2026!".toCharArray()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("Pro Santé Connect");

            accounts.authentication.changePassword("accueil.durand", "Provisoire-2026!".toCharArray(),
                    "Cabinet-Radio-2026!".toCharArray(), null);
            AuthenticatedUser user = signIn.signInWithPassword("accueil.durand", "Cabinet-Radio-2026!".toCharArray());
            assertThat(user.account().id()).isEqualTo(account.id());
            assertThat(user.method()).isEqualTo(SignInMethod.PASSWORD);
        }
    }
}
