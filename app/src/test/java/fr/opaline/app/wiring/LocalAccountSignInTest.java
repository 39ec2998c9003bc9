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

/**
 * The sign-in port over this process's core accounts (the desktop without a practice server): its
 * refusals tell the sign-in screen what to ask next, and a temporary password is changed through
 * it. The screens themselves are driven by {@code LocalAccountJourneyTest} (module ui).
 */
class LocalAccountSignInTest {

    @TempDir
    Path home;

    @Test
    void aTemporaryPasswordAsksForANewOneWhichThePortChangesUnderThePolicy() throws Exception {
        Files.writeString(home.resolve(OpalineConfig.FILE_NAME),
                "accounts.argon2.memoryKiB=1024\naccounts.argon2.iterations=1\n");
        try (CoreServices core = CoreServices.open(OpalineConfig.load(home, null))) {
            AccountsWiring accounts = new AccountsWiring(core);
            var account = accounts.administration.create(Actor.system("test"), new NewAccount("accueil.durand",
                    "Marie Durand", Role.SECRETAIRE, null, null, null), "Provisoire-2026!".toCharArray());
            LocalAccountSignIn signIn = new LocalAccountSignIn(accounts.authentication);

            assertThatThrownBy(() -> signIn.signInWithPassword("accueil.durand", "mauvais".toCharArray()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("Identifiant ou mot de passe incorrect.");
                        assertThat(e.next()).isEqualTo(AuthenticationException.Next.RETRY);
                    });
            assertThatThrownBy(() -> signIn.signInWithPassword("accueil.durand", "Provisoire-2026!".toCharArray()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("Mot de passe provisoire : choisissez votre mot de passe.");
                        assertThat(e.next()).isEqualTo(AuthenticationException.Next.NEW_PASSWORD);
                    });
            assertThatThrownBy(() -> signIn.changePassword("accueil.durand", "Provisoire-2026!".toCharArray(),
                    "court".toCharArray(), null)).isInstanceOf(AuthenticationException.class)
                    .hasMessageStartingWith("Le nouveau mot de passe doit ");

            AuthenticatedUser changed = signIn.changePassword("accueil.durand", "Provisoire-2026!".toCharArray(),
                    "Cabinet-Radio-2026!".toCharArray(), null);
            assertThat(changed.account().id()).isEqualTo(account.id());
            AuthenticatedUser user = signIn.signInWithPassword("accueil.durand", "Cabinet-Radio-2026!".toCharArray());
            assertThat(user.method()).isEqualTo(SignInMethod.PASSWORD);
        }
    }
}
