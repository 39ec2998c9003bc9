package fr.opaline.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.opaline.core.testing.AccountsFixture;
import fr.opaline.core.testing.CoreFixture;
import fr.opaline.core.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** An administrator's reset: a password made by the server, under the policy, to be changed at next sign-in. */
class GeneratedPasswordTest {

    @Test
    void theGeneratedPasswordPassesThePolicyUnlocksAndMustBeChangedAtTheNextSignIn() throws Exception {
        try (var db = TestDatabases.h2()) {
            AccountsFixture f = new AccountsFixture(new CoreFixture(db.database()));
            UserAccount radiologist = f.account("lambert", Role.RADIOLOGUE, "10001234567", "Correct-Horse-42-Battery!");

            char[] temporary = f.administration.resetToGeneratedPassword(AccountsFixture.ADMIN_PROCESS, radiologist.id());

            assertThat(new String(temporary)).matches("[A-Z][2-9][a-z]{2}(-[A-Z][2-9][a-z]{2}){3}");
            assertThat(f.security.policyFor(Role.RADIOLOGUE).problems("lambert", temporary)).isEmpty();
            assertThat(f.core.audit.latest(1).get(0).action()).isEqualTo("PASSWORD_RESET");
            assertThatThrownBy(() -> f.authentication.login("lambert", "Correct-Horse-42-Battery!".toCharArray(), null))
                    .as("the old password is gone").isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> f.authentication.login("lambert", temporary, null))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason())
                            .isEqualTo(AuthenticationException.Reason.PASSWORD_CHANGE_REQUIRED));
            assertThat(new String(f.administration.resetToGeneratedPassword(AccountsFixture.ADMIN_PROCESS,
                    radiologist.id()))).as("a new one each time").isNotEqualTo(new String(temporary));
        }
    }
}
